package dev.kiln.tracking;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Runs the tracking and registry store contracts against SQLite in a temporary folder. */
class SqliteTrackingStoreTest extends RegistryStoreContract {
  @TempDir Path dir;
  private StoreConfig current;
  private int databases;

  @Override
  protected StoreConfig freshDatabase() {
    current = StoreConfig.sqlite(dir.resolve("kiln-" + ++databases + ".db"));
    return current;
  }

  @Override
  protected StoreConfig freshConfigOfCurrent() {
    return current;
  }
}
