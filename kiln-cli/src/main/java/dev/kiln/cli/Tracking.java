package dev.kiln.cli;

import dev.kiln.core.project.Project;
import dev.kiln.tracking.StoreConfig;
import dev.kiln.tracking.TrackingStore;
import dev.kiln.tracking.TrackingStores;
import java.time.Duration;
import java.util.Map;

/**
 * Opens a project's tracking store: SQLite in {@code .kiln/tracking.db} by default, or the
 * database named in {@code kiln.yml} as {@code tracking.url} (e.g. PostgreSQL), with the user and
 * password of the credentials set {@code tracking} from {@code credentials.yml}.
 */
final class Tracking {
  private Tracking() {}

  static TrackingStore open(Project project) {
    var url = project.config().setting("tracking.url");
    if (url.isEmpty()) {
      return TrackingStores.sqlite(project.layout().trackingDb());
    }
    Map<String, String> creds = project.config().credentials().getOrDefault("tracking", Map.of());
    return TrackingStores.open(new StoreConfig(url.get(), creds.get("username"),
        creds.get("password"), project.layout().artifactsDir().toUri().toString(),
        Duration.ofSeconds(10), Duration.ofSeconds(60)));
  }
}
