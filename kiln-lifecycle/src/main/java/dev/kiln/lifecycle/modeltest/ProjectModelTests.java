package dev.kiln.lifecycle.modeltest;

import dev.kiln.core.catalog.DataCatalog;
import dev.kiln.core.project.Project;
import dev.kiln.data.Frame;
import dev.kiln.lifecycle.LifecycleException;
import dev.kiln.tracking.LogBatch;
import dev.kiln.tracking.Metric;
import dev.kiln.tracking.RunStatus;
import dev.kiln.tracking.TrackingStore;
import dev.kiln.tracking.experiment.Experiments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A project's model tests: the suite in {@code conf/<env>/model_tests.yml} or
 * {@code conf/base/model_tests.yml}, datasets from its catalog, and results recorded as a
 * tracked run in experiment {@code <project>/model-tests}.
 */
public final class ProjectModelTests {
  /** The file name of a project's model tests. */
  public static final String FILE = "model_tests.yml";

  private ProjectModelTests() {}

  /** Returns the project's suite, or empty when it declares none. */
  public static Optional<ModelTestSuite> suite(Project project) {
    Path conf = project.dir().resolve("conf");
    for (Path file : List.of(conf.resolve(project.config().env()).resolve(FILE),
        conf.resolve("base").resolve(FILE))) {
      if (Files.isRegularFile(file)) {
        ModelTestSuite suite = ModelTestSuite.read(file);
        return suite.isEmpty() ? Optional.empty() : Optional.of(suite);
      }
    }
    return Optional.empty();
  }

  /** Returns a loader of the project's catalog datasets as frames, each loaded once. */
  public static Function<String, Frame> data(Project project) {
    DataCatalog catalog = project.catalog(DataCatalog.CatalogSettings.defaults(project.dir()));
    Map<String, Frame> loaded = new HashMap<>();
    return name -> loaded.computeIfAbsent(name, n -> {
      Object value = catalog.dataset(n).load();
      if (!(value instanceof Frame frame)) {
        throw new LifecycleException("Model tests read dataset '" + n + "', which is not a"
            + " table.", "name a csv, parquet or jsonl dataset of the catalog");
      }
      return frame;
    });
  }

  /**
   * Records a report as a finished tracked run: tag {@code kiln.model_tests} (passed/failed),
   * the model and version, one metric per test (1 passed, 0 failed), and the counts.
   *
   * @param tags extra tags, e.g. the code version
   * @return the run id
   */
  public static String record(TrackingStore store, Project project, ModelTestReport report,
      Map<String, String> tags) {
    Map<String, String> all = new LinkedHashMap<>(tags);
    all.put("kiln.model_tests", report.passed() ? "passed" : "failed");
    all.put("kiln.model", report.model());
    all.put("kiln.model_version", report.version());
    if (!report.passed()) {
      all.put("kiln.failed_tests", String.join("; ", report.failures()));
    }
    String runId = store.createRun(Experiments.idOf(store, project.name() + "/model-tests"),
        "test " + report.model() + " " + report.version(), all).id();
    List<Metric> metrics = new ArrayList<>();
    for (ModelTestResult r : report.results()) {
      if (r.status() != ModelTestResult.Status.SKIPPED) {
        metrics.add(Metric.of("test." + key(r.kind() + "." + r.name()),
            r.status() == ModelTestResult.Status.PASSED ? 1 : 0));
      }
    }
    for (ModelTestResult.Status s : ModelTestResult.Status.values()) {
      metrics.add(Metric.of("tests." + s.name().toLowerCase(java.util.Locale.ROOT),
          report.count(s)));
    }
    store.logBatch(runId, new LogBatch(metrics, Map.of(), Map.of()));
    store.updateRun(runId, report.passed() ? RunStatus.FINISHED : RunStatus.FAILED,
        System.currentTimeMillis());
    return runId;
  }

  /** A metric key from a test name: letters, digits, dots, dashes and underscores. */
  static String key(String name) {
    String k = name.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("_+", "_");
    return k.length() > 200 ? k.substring(0, 200) : k;
  }
}
