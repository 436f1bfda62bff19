package dev.kiln.tracking.internal.jdbc;

import dev.kiln.tracking.StoreConfig;
import dev.kiln.tracking.TrackingException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * A small connection pool with transaction helpers. SQLite connections use WAL, a busy timeout
 * and IMMEDIATE transactions, so writers from several threads or processes wait rather than fail.
 */
final class Database implements AutoCloseable {
  /** Work done inside a transaction. */
  @FunctionalInterface
  interface Work<T> {
    T apply(Connection connection) throws SQLException;
  }

  /** Work done inside a transaction that returns nothing. */
  @FunctionalInterface
  interface Step {
    void apply(Connection connection) throws SQLException;
  }

  private static final int POOL_SIZE = 4;

  private final StoreConfig config;
  private final BlockingQueue<Connection> idle = new ArrayBlockingQueue<>(POOL_SIZE);
  private final boolean sqlite;

  Database(StoreConfig config) {
    this.config = config;
    this.sqlite = config.url().startsWith("jdbc:sqlite:");
    try {
      Flyway.configure()
          .dataSource(config.url(), config.user(), config.password())
          .locations("classpath:db/migration")
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw new TrackingException("INTERNAL_ERROR", "Could not migrate the tracking database at '"
          + config.redactedUrl() + "': " + e.getMessage(),
          "Check the database is reachable and was not changed by a newer Kiln version.", e);
    }
    for (int i = 0; i < POOL_SIZE; i++) {
      idle.add(open());
    }
  }

  private Connection open() {
    try {
      Properties props = new Properties();
      if (sqlite) {
        props.setProperty("journal_mode", "WAL");
        props.setProperty("busy_timeout", "30000");
        props.setProperty("transaction_mode", "IMMEDIATE");
        props.setProperty("foreign_keys", "true");
        props.setProperty("case_sensitive_like", "true");
        props.setProperty("synchronous", "NORMAL");
      } else {
        if (config.user() != null) {
          props.setProperty("user", config.user());
        }
        if (config.password() != null) {
          props.setProperty("password", config.password());
        }
      }
      return DriverManager.getConnection(config.url(), props);
    } catch (SQLException e) {
      throw failure("connect to '" + config.redactedUrl() + "'", e);
    }
  }

  /** Runs {@code work} in one transaction: commit on success, roll back on any exception. */
  <T> T inTransaction(Work<T> work) {
    Connection c = borrow();
    try {
      c.setAutoCommit(false);
      T result = work.apply(c);
      c.setAutoCommit(true); // commits; unlike commit(), starts no new (locking) transaction
      return result;
    } catch (SQLException e) {
      rollback(c);
      throw failure("access the tracking store", e);
    } catch (RuntimeException e) {
      rollback(c);
      throw e;
    } finally {
      idle.add(c);
    }
  }

  /** Runs {@code step}, which returns nothing, in one transaction. */
  void run(Step step) {
    inTransaction(c -> {
      step.apply(c);
      return null;
    });
  }

  private Connection borrow() {
    try {
      return idle.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TrackingException("INTERNAL_ERROR", "Interrupted waiting for a connection.", null, e);
    }
  }

  private static void rollback(Connection c) {
    try {
      c.rollback();
      c.setAutoCommit(true);
    } catch (SQLException ignored) {
      // the original failure is more useful than the rollback failure
    }
  }

  private TrackingException failure(String action, SQLException e) {
    return new TrackingException("INTERNAL_ERROR",
        "Could not " + action + ": " + e.getMessage(),
        "Check that the database at '" + config.redactedUrl() + "' is reachable and writable.", e);
  }

  @Override
  public void close() {
    for (Connection c : idle) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // closing on shutdown; nothing left to do with the error
      }
    }
    idle.clear();
  }
}
