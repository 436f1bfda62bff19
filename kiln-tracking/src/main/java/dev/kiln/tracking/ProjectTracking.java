package dev.kiln.tracking;

import dev.kiln.core.catalog.DataCatalog;
import dev.kiln.core.project.Project;
import dev.kiln.core.project.ProjectRunner;
import dev.kiln.core.project.RunRequest;
import dev.kiln.core.runner.RunState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
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

  /**
   * A pipeline run recorded as a tracked run.
   *
   * @param state the pipeline run's state (its report says what failed)
   * @param runId the tracked run's id, or null if the run stopped before it started
   * @param registered the model versions registered from bundles the run wrote, by dataset
   */
  public record TrackedRun(RunState state, String runId, Map<String, ModelVersion> registered) {
    /** Copies the map, keeping its order. */
    public TrackedRun {
      registered = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(registered));
    }
  }

  /**
   * Runs a pipeline of the project as a tracked run (see {@link TrackingHook#forProject}) and,
   * when it succeeds, registers the bundles it wrote that {@code kiln.yml} names under {@code
   * register} ({@code dataset: model name}) as new versions linked to the tracked run.
   *
   * @param codeTags tags describing the code version (e.g. the git commit), added to the run
   * @throws TrackingException if a registered dataset has no file path in the catalog
   */
  public TrackedRun run(Project project, RunRequest request, Map<String, String> codeTags) {
    TrackingHook hook = TrackingHook.forProject(project, store, artifacts, codeTags);
    RunState state = ProjectRunner.run(project, request.withMoreHooks(List.of(hook)));
    Map<String, ModelVersion> registered = new LinkedHashMap<>();
    if (state.succeeded()) {
      DataCatalog catalog = project.catalog(DataCatalog.CatalogSettings.defaults(project.dir()));
      project.config().section("register").forEach((dataset, model) -> {
        if (hook.written().contains(dataset)) {
          Path dir = catalog.filepath(dataset).orElseThrow(() -> new InvalidParameterException(
              "kiln.yml registers dataset '" + dataset + "', which has no filepath in the"
              + " catalog.", "name a model_bundle dataset"));
          registered.put(dataset, registry.register(model, dir, hook.runId(),
              Map.of("kiln.registered_by", "run")));
        }
      });
    }
    return new TrackedRun(state, hook.runId(), registered);
  }

  /** Closes the tracking store. */
  @Override
  public void close() {
    store.close();
  }
}
