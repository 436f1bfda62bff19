package dev.kiln.tracking;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Runs the tracking and registry store contracts against a real PostgreSQL, one fresh database per test. */
class PostgresTrackingStoreTest extends RegistryStoreContract {
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static EmbeddedPostgres postgres;
  private StoreConfig current;

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  @Override
  protected StoreConfig freshDatabase() throws Exception {
    String db = "kiln_" + COUNTER.incrementAndGet();
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + db);
    }
    current = new StoreConfig(postgres.getJdbcUrl("postgres", db), "postgres", "postgres",
        "file:///tmp/kiln-artifacts", Duration.ofSeconds(10), Duration.ofSeconds(60));
    return current;
  }

  @Override
  protected StoreConfig freshConfigOfCurrent() {
    return current;
  }
}
