package dev.kiln.tracking;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how a tracking store keeps its data.
 *
 * @param url JDBC URL: {@code jdbc:sqlite:/path/kiln.db} or {@code jdbc:postgresql://host/db}
 * @param user database user, or null
 * @param password database password, or null; never logged or printed
 * @param artifactRoot the URI under which experiments keep artifacts
 * @param heartbeatInterval how often a live owner refreshes its runs' heartbeat
 * @param staleAfter how long without a heartbeat before a run of another host reads as KILLED
 */
public record StoreConfig(
    String url, String user, String password, String artifactRoot, Duration heartbeatInterval,
    Duration staleAfter) {
  /** Validates the URL and timings. */
  public StoreConfig {
    Objects.requireNonNull(url, "url");
    if (!url.startsWith("jdbc:sqlite:") && !url.startsWith("jdbc:postgresql:")) {
      throw new InvalidParameterException(
          "Tracking store URL '" + url.split("\\?")[0] + "' is not supported.",
          "Use jdbc:sqlite:<file> or jdbc:postgresql://<host>/<database>.");
    }
    if (staleAfter.compareTo(heartbeatInterval.multipliedBy(2)) < 0) {
      throw new InvalidParameterException(
          "staleAfter " + staleAfter + " must be at least twice heartbeatInterval "
              + heartbeatInterval + ".", "Raise staleAfter so live runs are not reported killed.");
    }
  }

  /** Returns a config for a SQLite file, with artifacts in the {@code artifacts} folder beside it. */
  public static StoreConfig sqlite(Path file) {
    Path abs = file.toAbsolutePath();
    return new StoreConfig("jdbc:sqlite:" + abs, null, null,
        abs.resolveSibling("artifacts").toUri().toString(), Duration.ofSeconds(10),
        Duration.ofSeconds(60));
  }

  /** Returns this config with other heartbeat timings. */
  public StoreConfig withHeartbeat(Duration interval, Duration stale) {
    return new StoreConfig(url, user, password, artifactRoot, interval, stale);
  }

  /** Returns the URL without its query string, which may hold credentials. */
  public String redactedUrl() {
    return url.split("\\?")[0];
  }

  /** Describes the config without the password. */
  @Override
  public String toString() {
    return "StoreConfig[url=" + redactedUrl() + ", user=" + user + ", password="
        + (password == null ? "none" : "***") + ", artifactRoot=" + artifactRoot + "]";
  }
}
