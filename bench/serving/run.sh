#!/usr/bin/env bash
# Serving benchmark, all on loopback with wrk, in one run:
#   (a) kiln serve on the fraud bundle: 1-row and 100-row requests, with and without micro-batching;
#   (b) the seeds' stack: FastAPI + uvicorn + Python XGBoost on the same bundle files;
#   (c) a bare endpoint on Kiln's HTTP stack (Javalin/Jetty): the ceiling.
# Prints requests/s, p50/p99 latency, the ratios to the goals, cold start and resident memory.
# Needs: apt-get install -y wrk python3-fastapi python3-uvicorn python3-xgboost python3-pandas
# Usage: bench/run serving   (DURATION=10s CONNECTIONS=32 to change the load)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
here="$root/bench/serving"
cd "$root"
duration="${DURATION:-10s}"
connections="${CONNECTIONS:-32}"
py=/usr/bin/python3

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
$py -c "import fastapi, uvicorn, xgboost, pandas" 2>/dev/null || {
  echo "Python stack missing: apt-get install -y python3-fastapi python3-uvicorn python3-xgboost python3-pandas" >&2
  exit 2; }

bundle=examples/fraud-detection/data/06_models/bundle
[ -f "$bundle/bundle.json" ] || ./kiln run --project examples/fraud-detection >/dev/null
./kiln --version >/dev/null          # builds kiln-cli/target/kiln.jar if needed
jar=kiln-cli/target/kiln.jar
bench_jar=bench/target/kiln-bench.jar
tmp="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$tmp"; }
trap cleanup EXIT
$py "$here/bodies.py" "$bundle" "$tmp"

now_ms() { date +%s%3N; }
# start NAME READY_URL COMMAND...: starts a server, waits until READY_URL answers, records cold start.
start() {
  local name=$1 url=$2; shift 2
  local t0; t0=$(now_ms)
  "$@" >"$tmp/$name.log" 2>&1 &
  pids+=($!)
  eval "pid_$name=$!"
  until curl -sf -o /dev/null "$url" -X "${READY_METHOD:-GET}"; do
    kill -0 "${pids[-1]}" 2>/dev/null || { cat "$tmp/$name.log" >&2; exit 1; }
    sleep 0.02
  done
  eval "cold_$name=$(( $(now_ms) - t0 ))"
}
rss_mb() { echo $(( $(ps -o rss= -p "$1") / 1024 )); }
# load NAME URL BODY [DELAY_MS] [CONNECTIONS]: runs wrk and sets rps_/p50_/p99_/err_ NAME.
load() {
  local name=$1 url=$2 body=$3 pause=${4:-0} conns=${5:-$connections}
  BODY_FILE="$tmp/$body" DELAY_MS=0 wrk -t2 -c"$conns" -d2s -s "$here/post.lua" "$url" >/dev/null
  read -r _ rps p50 p99 errors _ < <(BODY_FILE="$tmp/$body" DELAY_MS="$pause" \
    wrk -t2 -c"$conns" -d"$duration" -s "$here/post.lua" "$url" | grep '^RESULT')
  eval "rps_$name=$rps p50_$name=$p50 p99_$name=$p99 err_$name=$errors"
  printf '%-34s %10.0f req/s   p50 %7.2f ms   p99 %7.2f ms   errors %s\n' \
    "$name" "$rps" "$p50" "$p99" "$errors"
}
stop() { kill "$1"; wait "$1" 2>/dev/null || true; }

echo "Load: wrk -t2 -c$connections -d$duration on loopback; $(nproc) cores shared by client and server."
start kiln http://127.0.0.1:8090/v2/health/ready \
  java -jar "$jar" serve "$bundle" --host 127.0.0.1 --port 8090 --log-dir "$tmp/predictions"
predict=http://127.0.0.1:8090/v1/models/fraud-detection:predict
load kiln_1row "$predict" kiln1.json
load kiln_100rows "$predict" kiln100.json
rss_kiln=$(rss_mb "$pid_kiln")
# Latency at about half of the measured maximum: 64 paced connections.
half=$($py -c "print(${rps_kiln_1row} / 2)")
pause=$($py -c "print(max(1, round(64 * 1000 / ${half} - ${p50_kiln_1row})))")
load kiln_1row_half_load "$predict" kiln1.json "$pause" 64
stop "$pid_kiln"

# The prediction log's cost: sampled to one request in ten, and off.
for mode in log_sampled no_log; do
  flag=$([ $mode = no_log ] && echo --no-log || echo "--log-sample 0.1 --log-dir $tmp/sampled")
  start kilnlog http://127.0.0.1:8091/v2/health/ready \
    java -jar "$jar" serve "$bundle" --host 127.0.0.1 --port 8091 $flag
  load "kiln_1row_$mode" http://127.0.0.1:8091/v1/models/fraud-detection:predict kiln1.json
  stop "$pid_kilnlog"
done

# Micro-batching pays where a model call has a fixed cost: the same model through XGBoost4J
# (about 80 us per call) instead of Kiln's Java tree walker.
for mode in batching no_batching; do
  flag=$([ $mode = batching ] || echo --no-batching)
  start native http://127.0.0.1:8094/v2/health/ready java -Dkiln.xgboost.java-rows=0 -jar "$jar" \
    serve "$bundle" --host 127.0.0.1 --port 8094 --no-log $flag
  load "native_1row_$mode" http://127.0.0.1:8094/v1/models/fraud-detection:predict kiln1.json
  stop "$pid_native"
done

READY_METHOD=POST start hello http://127.0.0.1:8092/hello \
  java -cp "$bench_jar" dev.kiln.bench.HelloServer 8092
load hello_javalin http://127.0.0.1:8092/hello kiln1.json
stop "$pid_hello"

(cd "$here" && BUNDLE="$root/$bundle" start fastapi http://127.0.0.1:8093/hello \
  $py -m uvicorn fastapi_app:app --host 127.0.0.1 --port 8093 --log-level warning
  load fastapi_1row http://127.0.0.1:8093/predict fastapi1.json
  load fastapi_100rows http://127.0.0.1:8093/predict_batch fastapi100.json
  echo "rss_fastapi=$(rss_mb "$pid_fastapi") cold_fastapi=$cold_fastapi rps_fastapi_1row=$rps_fastapi_1row rps_fastapi_100rows=$rps_fastapi_100rows p99_fastapi_1row=$p99_fastapi_1row" > "$tmp/fastapi.env"
  stop "$pid_fastapi")
. "$tmp/fastapi.env"

$py - <<PY
k1, k100, hello = $rps_kiln_1row, $rps_kiln_100rows, $rps_hello_javalin
f1, f100 = $rps_fastapi_1row, $rps_fastapi_100rows
sampled, nolog = $rps_kiln_1row_log_sampled, $rps_kiln_1row_no_log
half_rps, half_p99 = $rps_kiln_1row_half_load, $p99_kiln_1row_half_load
print()
print(f"single-row throughput, kiln / FastAPI       {k1 / f1:8.1f}x   (goal >= 10x)")
print(f"single-row throughput, kiln / hello ceiling {k1 / hello:8.2f}    (goal >= 0.5; every request logged)")
print(f"p99 at {half_rps:,.0f} req/s (about half of max)  {half_p99:8.2f} ms (goal < 5 ms)")
print(f"100-row requests, rows/s kiln / FastAPI     {k100 / f100:8.1f}x   ({k100 * 100:,.0f} vs {f100 * 100:,.0f} rows/s)")
print(f"  with --log-sample 0.1 / with --no-log      {sampled / hello:8.2f} / {nolog / hello:.2f} of the ceiling")
print(f"micro-batching on / off, XGBoost4J calls    {$rps_native_1row_batching / $rps_native_1row_no_batching:8.2f}x")
print(f"cold start to ready: kiln {$cold_kiln} ms, FastAPI {$cold_fastapi} ms (goal kiln < 2000 ms)")
print(f"resident memory after load: kiln {$rss_kiln} MB, FastAPI {$rss_fastapi} MB")
PY
