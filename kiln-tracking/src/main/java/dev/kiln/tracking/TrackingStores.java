package dev.kiln.tracking;

import dev.kiln.core.OptionalSupport;
import dev.kiln.tracking.internal.jdbc.JdbcTrackingStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens tracking stores. */
public final class TrackingStores {
  /** The PostgreSQL driver, which the slim kiln.jar finds in lib/kiln-postgresql.jar. */
  public static final OptionalSupport POSTGRESQL_SUPPORT = new OptionalSupport(
      "PostgreSQL tracking stores", "org.postgresql.Driver", "kiln-postgresql.jar",
      "org.postgresql:postgresql and org.flywaydb:flyway-database-postgresql");

  private TrackingStores() {}

  /**
   * Opens (creating and migrating when needed) the store described by {@code config}.
   *
   * @throws TrackingException if the database cannot be reached or migrated
   * @throws dev.kiln.core.KilnException if the URL is PostgreSQL's and its driver is not on the
   *     class path
   */
  public static TrackingStore open(StoreConfig config) {
    if (config.url().startsWith("jdbc:postgresql:")) {
      POSTGRESQL_SUPPORT.require();
    }
    return new JdbcTrackingStore(config);
  }

  /** Opens the default SQLite store in {@code file}, creating it if absent. */
  public static TrackingStore sqlite(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new TrackingException("INTERNAL_ERROR", "Could not create folder '" + parent
          + "' for the tracking database: " + e.getMessage(), "Check the folder is writable.", e);
    }
    return open(StoreConfig.sqlite(file));
  }
}
