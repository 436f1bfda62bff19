package dev.kiln.tracking;

import dev.kiln.core.ProjectLayout;
import dev.kiln.core.catalog.DataCatalog;
import dev.kiln.core.catalog.Tabular;
import dev.kiln.core.config.ConfigMaps;
import dev.kiln.core.hooks.Hook;
import dev.kiln.core.hooks.RunInfo;
import dev.kiln.core.pipeline.Metrics;
import dev.kiln.core.pipeline.Node;
import dev.kiln.core.project.Project;
import dev.kiln.core.runner.RunState;
import dev.kiln.core.runner.RunStateStore;
import dev.kiln.tracking.experiment.Experiments;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Records every pipeline run as a tracked run: experiment {@code <project>/<pipeline>}, the
 * flattened parameters, the metrics nodes return, tags for the environment and code version, the
 * datasets read and written with their content hashes (lineage; the written ones are also listed
 * in the tag {@code kiln.outputs}), and the final status.
 */
public final class TrackingHook implements Hook {
  private static final int PARAMS_PER_BATCH = 100;

  private final TrackingStore store;
  private final String project;
  private final Map<String, String> extraTags;
  private final Function<String, String> locations;
  private ArtifactStore artifacts;
  private Set<String> artifactDatasets = Set.of();
  private final Set<String> read = new ConcurrentSkipListSet<>();
  private final Set<String> written = new ConcurrentSkipListSet<>();
  private final Map<String, Shape> shapes = new ConcurrentHashMap<>();

  /** The row count and schema of a table, kept instead of the table so memory can be freed. */
  private record Shape(int rows, String schema) {}
  private volatile String runId;

  /**
   * Creates a hook writing to a store.
   *
   * @param project the project name, the first part of experiment names
   * @param extraTags tags added to every run (e.g. the git commit)
   */
  public TrackingHook(TrackingStore store, String project, Map<String, String> extraTags) {
    this(store, project, extraTags, name -> null);
  }

  /**
   * Creates a hook that also records where each dataset lives.
   *
   * @param locations dataset name to its location (a file path or URL), or null if unknown
   */
  public TrackingHook(TrackingStore store, String project, Map<String, String> extraTags,
      Function<String, String> locations) {
    this.store = store;
    this.project = project;
    this.extraTags = Map.copyOf(extraTags);
    this.locations = locations;
  }

  /**
   * Creates the hook of a project run: dataset locations from its catalog, and the datasets
   * {@code kiln.yml} lists under {@code tracking.artifacts} uploaded as run artifacts.
   *
   * @param codeTags tags describing the code version (e.g. the git commit)
   */
  public static TrackingHook forProject(Project project, TrackingStore store,
      ArtifactStore artifacts, Map<String, String> codeTags) {
    DataCatalog catalog = project.catalog(DataCatalog.CatalogSettings.defaults(project.dir()));
    TrackingHook hook = new TrackingHook(store, project.name(), codeTags,
        name -> catalog.filepath(name).map(Object::toString).orElse(null));
    hook.artifacts = artifacts;
    hook.artifactDatasets = Set.copyOf(project.config().strings("tracking.artifacts"));
    return hook;
  }

  /** Returns the persisted datasets the run wrote so far. */
  public Set<String> written() {
    return Set.copyOf(written);
  }

  /** Returns the tracked run's id, once the pipeline has started. */
  public String runId() {
    return runId;
  }

  @Override
  public void beforePipelineRun(RunInfo run) {
    String experiment = Experiments.idOf(store, project + "/" + run.pipeline());
    Map<String, String> tags = new LinkedHashMap<>(extraTags);
    tags.put("kiln.run_id", run.runId());
    tags.put("kiln.pipeline", run.pipeline());
    tags.put("kiln.env", run.env());
    tags.put("kiln.nodes", String.valueOf(run.nodes().size()));
    tags.put("java.version", Runtime.version().toString());
    runId = store.createRun(new CreateRunRequest(experiment, run.runId(), tags, null,
        System.getProperty("user.name"))).id();
    List<Map.Entry<String, Object>> params = new ArrayList<>(
        ConfigMaps.flatten(run.parameters()).entrySet());
    for (int i = 0; i < params.size(); i += PARAMS_PER_BATCH) {
      Map<String, String> batch = new LinkedHashMap<>();
      params.subList(i, Math.min(params.size(), i + PARAMS_PER_BATCH))
          .forEach(e -> batch.put(e.getKey(), String.valueOf(e.getValue())));
      store.logBatch(runId, LogBatch.params(batch));
    }
  }

  @Override
  public void afterDatasetLoad(String dataset, Object value) {
    read.add(dataset);
    remember(dataset, value);
  }

  @Override
  public void afterDatasetSave(String dataset, Object value) {
    written.add(dataset);
    remember(dataset, value);
  }

  private void remember(String dataset, Object value) {
    if (value instanceof Tabular table) {
      shapes.put(dataset, new Shape(table.rowCount(), table.schemaText()));
    }
  }

  @Override
  public void afterNodeRun(Node node, Map<String, Object> outputs, boolean cached) {
    long now = System.currentTimeMillis();
    List<Metric> metrics = new ArrayList<>();
    outputs.forEach((name, value) -> {
      if (value instanceof Metrics m) {
        m.values().forEach((k, v) -> metrics.add(new Metric(name + "." + k, v, now, 0)));
        m.history().forEach((k, steps) -> {
          for (int step = 0; step < steps.size(); step++) {
            metrics.add(new Metric(name + "." + k, steps.get(step), now, step));
          }
        });
      }
    });
    if (!metrics.isEmpty()) {
      store.logBatch(runId, new LogBatch(metrics, Map.of(), Map.of()));
    }
  }

  @Override
  public void afterPipelineRun(RunInfo run, boolean succeeded) {
    if (runId == null) {
      return;
    }
    RunState state = new RunStateStore(ProjectLayout.of(run.projectDir()).stateDir()).get(run.runId())
        .orElse(null);
    if (state != null) {
      store.logInputs(runId, lineage(state));
    }
    if (!written.isEmpty()) {
      store.logBatch(runId, LogBatch.tags(Map.of("kiln.outputs", String.join(",", written))));
    }
    uploadArtifacts();
    store.updateRun(runId, succeeded ? RunStatus.FINISHED : RunStatus.FAILED,
        System.currentTimeMillis());
  }

  /** Copies the files of the written datasets named for upload into the run's artifacts. */
  private void uploadArtifacts() {
    if (artifacts == null || artifactDatasets.isEmpty()) {
      return;
    }
    String folder = store.getRun(runId).artifactFolder();
    for (String name : artifactDatasets) {
      String location = written.contains(name) ? locations.apply(name) : null;
      if (location == null) {
        continue;
      }
      Path path = Path.of(location);
      try (Stream<Path> files = Files.walk(path)) {
        for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
          String relative = path.getParent() == null ? file.toString()
              : path.getParent().relativize(file).toString().replace('\\', '/');
          try (InputStream in = Files.newInputStream(file)) {
            artifacts.put(folder + "/" + relative, in);
          }
        }
      } catch (IOException e) {
        throw new TrackingException("INTERNAL_ERROR", "Cannot upload dataset '" + name
            + "' as an artifact of run " + runId + ": " + e.getMessage(),
            "check that " + path + " is readable", e);
      }
    }
  }

  private List<DatasetInput> lineage(RunState state) {
    Set<String> names = new TreeSet<>(read);
    names.addAll(written);
    List<DatasetInput> inputs = new ArrayList<>();
    for (String name : names) {
      if (name.startsWith("params:")) {
        continue;
      }
      String location = locations.apply(name);
      Shape shape = shapes.get(name);
      inputs.add(new DatasetInput(name, location == null ? "catalog:" + name : location, null,
          state.datasetHashes().get(name), shape == null ? -1 : shape.rows(),
          shape == null ? null : shape.schema()));
    }
    return inputs;
  }
}
