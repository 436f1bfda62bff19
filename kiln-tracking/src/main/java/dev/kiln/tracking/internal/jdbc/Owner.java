package dev.kiln.tracking.internal.jdbc;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The process that owns a running run.
 *
 * @param host the host name
 * @param pid the process id
 */
record Owner(String host, long pid) {
  static Owner current() {
    return new Owner(hostName(), ProcessHandle.current().pid());
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      String env = System.getenv("HOSTNAME");
      return env == null ? "unknown-host" : env;
    }
  }

  /** Returns whether this owner is certainly dead: same host as us and no such live process. */
  boolean isDeadLocally(Owner self) {
    return host.equals(self.host)
        && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
  }
}
