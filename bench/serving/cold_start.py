"""Cold start to ready of `kiln serve`, measured as a user sees it (issue 15).

Each run starts a server as a process, polls GET /v2/health/ready every 5 ms on a raw socket and
stops the clock at the first 200; it then reads the process's CPU time (user + system, every
thread: the JIT's compiler threads included) and stops it with SIGTERM. The variants run in turn,
round after round, so a change of load on the machine hits each of them alike:

  kiln            ./kiln serve BUNDLE (the launcher: its heap settings and class-data archive)
  kiln-jvm-default  the same with KILN_JAVA_OPTS= (the JVM's defaults, no archive)
  base            BASE/kiln serve BUNDLE, another checkout (e.g. main) to compare against
  node            a Node.js hello world, the floor of starting a process that answers HTTP

Usage: cold_start.py BUNDLE [RUNS] [BASE_CHECKOUT]
"""
import os
import signal
import socket
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
PORT = 8097
TICK = os.sysconf("SC_CLK_TCK")


def cpu_ms(pid):
    """CPU time of a process and its children so far, in ms."""
    total = 0
    for p in [pid] + children(pid):
        try:
            fields = open(f"/proc/{p}/stat").read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        except OSError:
            pass
    return total * 1000 // TICK


def children(pid):
    try:
        return [int(c) for c in open(f"/proc/{pid}/task/{pid}/children").read().split()]
    except OSError:
        return []


def ready_ms(command, env, path):
    """Starts command, returns (ms to the first 200 on path, CPU ms at that moment)."""
    request = f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode()
    start = time.monotonic()
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    try:
        while True:
            if process.poll() is not None:
                sys.exit(f"{command[0]} exited {process.returncode}: "
                         f"{process.stderr.read().decode()[-2000:]}")
            try:
                with socket.create_connection(("127.0.0.1", PORT), timeout=2) as s:
                    s.sendall(request)
                    if s.recv(16).startswith(b"HTTP/1.1 200"):
                        break
            except OSError:
                pass
            if time.monotonic() - start > 120:
                sys.exit(f"{command[0]} was not ready after 120 s")
            time.sleep(0.005)
        return (time.monotonic() - start) * 1000, cpu_ms(process.pid)
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    bundle = os.path.abspath(sys.argv[1])
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    base = os.path.abspath(sys.argv[3]) if len(sys.argv) > 3 else None
    serve = ["serve", bundle, "--port", str(PORT), "--no-log", "--no-reload"]
    plain = dict(os.environ)
    plain.pop("KILN_JAVA_OPTS", None)
    variants = [("kiln", [os.path.join(ROOT, "kiln")] + serve, plain, "/v2/health/ready"),
                ("kiln-jvm-default", [os.path.join(ROOT, "kiln")] + serve,
                 dict(plain, KILN_JAVA_OPTS=""), "/v2/health/ready")]
    if base:
        variants.append(("base", [os.path.join(base, "kiln")] + serve, plain,
                         "/v2/health/ready"))
    variants.append(("node", ["node", os.path.join(HERE, "hello.js"), str(PORT)], plain, "/"))
    # One start and stop of each launcher first: it records the class-data archive if missing.
    for name, command, env, path in variants[:1] + variants[2:3]:
        ready_ms(command, env, path)
    load = open("/proc/loadavg").read().split()[:3]
    print(f"Cold start to ready, {runs} rounds, variants in turn; {os.cpu_count()} cores;"
          f" load average {' '.join(load)} at the start.")
    results = {name: [] for name, *_ in variants}
    for r in range(runs):
        for name, command, env, path in variants:
            results[name].append(ready_ms(command, env, path))
    load = open("/proc/loadavg").read().split()[:3]
    print(f"{'variant':18} {'median ms':>10} {'min':>7} {'max':>7} {'CPU ms':>8}   every run (ms)")
    for name, values in results.items():
        wall = [w for w, _ in values]
        cpu = [c for _, c in values]
        print(f"{name:18} {statistics.median(wall):10.0f} {min(wall):7.0f} {max(wall):7.0f}"
              f" {statistics.median(cpu):8.0f}   {' '.join(f'{w:.0f}' for w in wall)}")
    print(f"load average {' '.join(load)} at the end.")


if __name__ == "__main__":
    main()
