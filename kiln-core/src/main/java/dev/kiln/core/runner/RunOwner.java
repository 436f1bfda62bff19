package dev.kiln.core.runner;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;

/**
 * The process that runs (or ran) a pipeline run. The start time tells a live process from a later
 * one that reuses the same pid.
 *
 * @param host the host name
 * @param pid the process id
 * @param processStart when that process started, or null where the platform does not say
 */
public record RunOwner(String host, long pid, Instant processStart) {
  /** Returns the current process. */
  public static RunOwner current() {
    ProcessHandle self = ProcessHandle.current();
    return new RunOwner(hostName(), self.pid(), self.info().startInstant().orElse(null));
  }

  /**
   * Returns this host's name, or {@code $HOSTNAME}, or {@code unknown-host} when neither can be
   * found.
   */
  public static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      String env = System.getenv("HOSTNAME");
      return env == null ? "unknown-host" : env;
    }
  }

  /** Returns whether this owner is the current process. */
  public boolean matchesCurrentProcess() {
    return equals(current());
  }

  /**
   * Returns whether this owner is certainly gone: it ran on this host and no live process has its
   * pid and start time. An owner on another host is never reported gone.
   */
  public boolean goneFromThisHost() {
    if (!host.equals(hostName())) {
      return false;
    }
    return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
        .map(p -> processStart != null && p.info().startInstant()
            .map(s -> !s.equals(processStart)).orElse(false))
        .orElse(true);
  }

  /** Describes the owner for messages, e.g. {@code pid 4242 on host build-1}. */
  public String describe() {
    return "pid " + pid + " on host " + host;
  }
}
