package dev.kiln.tracking.internal.jdbc;

import dev.kiln.tracking.RunStatus;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the heartbeat of the runs this process owns, and marks RUNNING runs of dead owners as
 * KILLED. An owner is dead when it ran on this host and its pid is gone, or when its heartbeat is
 * older than {@code staleAfter} (other hosts, or a reused pid).
 */
final class Liveness implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Liveness.class);

  private record Candidate(String id, Owner owner, long heartbeat) {}

  private final Owner self = Owner.current();
  private final Set<String> owned = ConcurrentHashMap.newKeySet();
  private final Duration staleAfter;
  private final ScheduledExecutorService timer;

  Liveness(Database db, Duration interval, Duration staleAfter) {
    this.staleAfter = staleAfter;
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "kiln-run-heartbeat");
      t.setDaemon(true);
      return t;
    });
    long ms = interval.toMillis();
    timer.scheduleWithFixedDelay(() -> beat(db), ms, ms, TimeUnit.MILLISECONDS);
  }

  Owner self() {
    return self;
  }

  void own(String runId) {
    owned.add(runId);
  }

  void release(String runId) {
    owned.remove(runId);
  }

  private void beat(Database db) {
    if (owned.isEmpty()) {
      return;
    }
    try {
      db.inTransaction(c -> {
        long now = System.currentTimeMillis();
        for (String id : owned) {
          Sql.update(c, "UPDATE runs SET heartbeat_time = ? WHERE id = ? AND status = ?",
              now, id, RunStatus.RUNNING.name());
        }
        return null;
      });
    } catch (RuntimeException e) {
      LOG.warn("Could not refresh run heartbeats ({}); runs may read as KILLED if this persists. "
          + "Check the tracking database is reachable.", e.getMessage());
    }
  }

  /** Marks dead RUNNING runs matching {@code scope} (a condition over alias r) as KILLED. */
  void reap(Connection c, String scope, List<Object> args) throws SQLException {
    List<Candidate> running = Sql.query(c,
        "SELECT r.id, r.owner_host, r.owner_pid, r.heartbeat_time FROM runs r WHERE r.status = '"
            + RunStatus.RUNNING.name() + "' AND " + scope, args,
        rs -> new Candidate(rs.getString(1), new Owner(rs.getString(2), rs.getLong(3)),
            rs.getLong(4)));
    long staleBefore = System.currentTimeMillis() - staleAfter.toMillis();
    for (Candidate run : running) {
      if (owned.contains(run.id())) {
        continue;
      }
      if (run.owner().isDeadLocally(self) || run.heartbeat() < staleBefore) {
        Sql.update(c, "UPDATE runs SET status = ?, end_time = ? WHERE id = ? AND status = ?",
            RunStatus.KILLED.name(), run.heartbeat(), run.id(), RunStatus.RUNNING.name());
        LOG.info("Run '{}' of {} pid {} is no longer alive; marked KILLED.", run.id(),
            run.owner().host(), run.owner().pid());
      }
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
