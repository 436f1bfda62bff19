package dev.kiln.tracking.internal.jdbc;

import dev.kiln.core.runner.RunOwner;

/**
 * The process that owns a running run.
 *
 * @param host the host name
 * @param pid the process id
 */
record Owner(String host, long pid) {
  static Owner current() {
    return new Owner(RunOwner.hostName(), ProcessHandle.current().pid());
  }

  /** Returns whether this owner is certainly dead: same host as us and no such live process. */
  boolean isDeadLocally(Owner self) {
    return host.equals(self.host)
        && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
  }
}
