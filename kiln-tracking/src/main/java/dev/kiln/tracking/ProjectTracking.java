package dev.kiln.tracking;

import dev.kiln.core.project.Project;
import java.time.Duration;
import java.util.Map;

/**
 * A project's tracking, opened in one call: its tracking store (SQLite in {@code .kiln/tracking.db}
 * by default, or the database named in {@code kiln.yml} as {@code tracking.url}, e.g. PostgreSQL,
 * with the user and password of the credentials set {@code tracking} from
 * {@code credentials.yml}), its artifact store ({@code .kiln/artifacts}) and its model registry
 * over both. Closing it closes the store.
 *
 * <pre>{@code
 * try (ProjectTracking tracking = ProjectTracking.open(project)) {
 *   ModelVersion champion = tracking.registry().resolve("fraud@champion");
 * }
 * }</pre>
 */
public final class ProjectTracking implements AutoCloseable {
  private static final Duration HEARTBEAT = Duration.ofSeconds(10);
  private static final Duration STALE_AFTER = Duration.ofSeconds(60);

  private final TrackingStore store;
  private final ArtifactStore artifacts;
  private final ModelVersions registry;

  private ProjectTracking(TrackingStore store, ArtifactStore artifacts) {
    this.store = store;
    this.artifacts = artifacts;
    this.registry = new ModelVersions(store, artifacts);
  }

  /**
   * Opens the tracking store and artifact store a project is configured with.
   *
   * @throws TrackingException if the store cannot be opened or migrated
   * @throws InvalidParameterException if {@code tracking.url} is not a supported JDBC URL
   */
  public static ProjectTracking open(Project project) {
    var layout = project.layout();
    ArtifactStore artifacts = ArtifactStores.local(layout.artifactsDir());
    var url = project.config().setting("tracking.url");
    if (url.isEmpty()) {
      return new ProjectTracking(TrackingStores.sqlite(layout.trackingDb()), artifacts);
    }
    Map<String, String> creds = project.config().credentials().getOrDefault("tracking", Map.of());
    return new ProjectTracking(TrackingStores.open(new StoreConfig(url.get(),
        creds.get("username"), creds.get("password"), layout.artifactsDir().toUri().toString(),
        HEARTBEAT, STALE_AFTER)), artifacts);
  }

  /** Returns the tracking store: experiments, runs and the registry's metadata. */
  public TrackingStore store() {
    return store;
  }

  /** Returns the artifact store (the folder {@code kiln tracking serve} serves). */
  public ArtifactStore artifacts() {
    return artifacts;
  }

  /** Returns the model registry: versions of bundles stored as artifacts, and aliases. */
  public ModelVersions registry() {
    return registry;
  }

  /** Closes the tracking store. */
  @Override
  public void close() {
    store.close();
  }
}
