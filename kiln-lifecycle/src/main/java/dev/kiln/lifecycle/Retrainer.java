package dev.kiln.lifecycle;

import dev.kiln.core.catalog.DataCatalog;
import dev.kiln.core.hooks.Hook;
import dev.kiln.core.project.Project;
import dev.kiln.core.project.ProjectRunner;
import dev.kiln.core.project.RunRequest;
import dev.kiln.core.runner.RunState;
import dev.kiln.data.Frame;
import dev.kiln.lifecycle.modeltest.ModelTestReport;
import dev.kiln.lifecycle.modeltest.ModelTestRunner;
import dev.kiln.lifecycle.modeltest.ProjectModelTests;
import dev.kiln.ml.bundle.LoadedBundle;
import dev.kiln.ml.bundle.ModelBundle;
import dev.kiln.tracking.ArtifactStore;
import dev.kiln.tracking.DatasetInput;
import dev.kiln.tracking.LogBatch;
import dev.kiln.tracking.Metric;
import dev.kiln.tracking.ModelVersion;
import dev.kiln.tracking.ModelVersions;
import dev.kiln.tracking.ResourceNotFoundException;
import dev.kiln.tracking.RunStatus;
import dev.kiln.tracking.TrackingHook;
import dev.kiln.tracking.TrackingStore;
import dev.kiln.tracking.experiment.Experiments;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One round of continuous training: run the project's pipeline on the new data (its validation
 * gate stops the round on bad data), evaluate the new bundle and the current champion on the
 * same holdout, judge the challenger with the {@link BlessingRule}, register it as a new
 * version with alias {@code challenger}, and promote it to {@code champion} when blessed. The
 * pipeline run and the decision are both tracked runs, linked by tags.
 */
public final class Retrainer {
  private final Project project;
  private final TrackingStore store;
  private final ModelVersions versions;
  private final ArtifactStore artifacts;
  private final List<Hook> hooks;
  private final Map<String, String> codeTags;

  /**
   * Creates a retrainer.
   *
   * @param hooks hooks for the pipeline run besides tracking (e.g. progress output)
   * @param codeTags tags describing the code version (git commit), added to tracked runs
   */
  public Retrainer(Project project, TrackingStore store, ArtifactStore artifacts,
      List<Hook> hooks, Map<String, String> codeTags) {
    this.project = project;
    this.store = store;
    this.artifacts = artifacts;
    this.versions = new ModelVersions(store, artifacts);
    this.hooks = List.copyOf(hooks);
    this.codeTags = Map.copyOf(codeTags);
  }

  /**
   * The training step: the pipeline run and its tracked run.
   *
   * @param state the pipeline run; when it failed, its report says why (e.g. the validation
   *     gate) and nothing may be judged or registered
   * @param trackedRunId the tracked run of the pipeline
   */
  public record Training(RunState state, String trackedRunId) {}

  /** Runs the policy's pipeline on the project's current data, as a tracked run. */
  public Training train(RetrainPolicy policy) {
    TrackingHook tracking = TrackingHook.forProject(project, store, artifacts, codeTags);
    List<Hook> all = new ArrayList<>(hooks);
    all.add(tracking);
    RunState state = ProjectRunner.run(project, RunRequest.builder(policy.pipeline())
        .hooks(all).build());
    return new Training(state, tracking.runId());
  }

  /**
   * Judges a successful training: evaluates the new bundle and the champion on the same
   * holdout, registers the challenger, and promotes it when blessed and the policy says so.
   *
   * @throws LifecycleException if the training failed, or the bundle or holdout is missing
   */
  public RetrainOutcome judge(RetrainPolicy policy, Training training) {
    if (!training.state().succeeded()) {
      throw new LifecycleException("The training run failed; there is no challenger to judge.",
          "fix what the run report names and retrain");
    }
    DataCatalog catalog = project.catalog(DataCatalog.CatalogSettings.defaults(project.dir()));
    Path bundleDir = datasetPath(catalog, policy.bundleDataset());
    LoadedBundle challenger = ModelBundle.load(bundleDir);
    Frame holdout = (Frame) catalog.dataset(policy.holdoutDataset()).load();
    Map<String, Double> challengerMetrics = HoldoutEvaluation.evaluate(challenger, holdout);
    ModelVersion champion = champion(policy.model());
    Map<String, Double> championMetrics = champion == null ? null
        : HoldoutEvaluation.evaluate(download(champion), holdout);
    ModelTestReport tests = ProjectModelTests.suite(project).map(suite -> new ModelTestRunner(
        challenger, ProjectModelTests.data(project)).run(suite, challenger.manifest().version()))
        .orElse(null);
    BlessingRule.Verdict verdict = withTests(policy.rule().judge(challengerMetrics,
        championMetrics), tests);

    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("kiln.blessed", Boolean.toString(verdict.blessed()));
    tags.put("kiln.pipeline_run", training.trackedRunId());
    if (tests != null) {
      tags.put("kiln.model_tests", tests.passed() ? "passed" : "failed");
    }
    ModelVersion registered = versions.register(policy.model(), bundleDir,
        training.trackedRunId(), tags);
    store.updateAlias(policy.model(), "challenger", registered.version());
    boolean promote = verdict.blessed() && policy.promote();
    if (promote) {
      store.updateAlias(policy.model(), "champion", registered.version());
    }
    String decisionRun = recordDecision(policy, training.trackedRunId(), registered, champion,
        challengerMetrics, championMetrics, verdict, promote);
    return new RetrainOutcome(training.trackedRunId(), decisionRun, registered.version(),
        champion == null ? null : champion.version(), challengerMetrics, championMetrics,
        verdict, promote, tests);
  }

  /** Adds the model tests to a verdict: a failed test refuses the challenger. */
  private static BlessingRule.Verdict withTests(BlessingRule.Verdict verdict,
      ModelTestReport tests) {
    if (tests == null) {
      return verdict;
    }
    List<String> reasons = new ArrayList<>(verdict.reasons());
    reasons.add(tests.passed() ? "passed model tests: " + tests.summary()
        : "FAILED model tests: " + tests.summary() + " (" + String.join(", ", tests.failures())
            + ")");
    return new BlessingRule.Verdict(verdict.blessed() && tests.passed(), reasons);
  }

  private static Path datasetPath(DataCatalog catalog, String name) {
    return catalog.filepath(name).orElseThrow(() -> new LifecycleException("The catalog has no"
        + " dataset '" + name + "' with a filepath for the retrained bundle.", "set"
        + " retrain.bundle in kiln.yml to the model_bundle dataset the pipeline writes"));
  }


  private ModelVersion champion(String model) {
    try {
      return versions.resolve(model + "@champion");
    } catch (ResourceNotFoundException e) {
      return null;
    }
  }

  private LoadedBundle download(ModelVersion version) {
    try (ModelVersions.Download d = versions.downloadTemporary(version,
        project.layout().retrainDir())) {
      return ModelBundle.load(d.bundle());
    }
  }

  private String recordDecision(RetrainPolicy policy, String pipelineRun,
      ModelVersion registered, ModelVersion champion, Map<String, Double> challengerMetrics,
      Map<String, Double> championMetrics, BlessingRule.Verdict verdict, boolean promoted) {
    Map<String, String> tags = new LinkedHashMap<>(codeTags);
    tags.put("kiln.decision", promoted ? "promoted" : verdict.blessed() ? "blessed" : "refused");
    tags.put("kiln.pipeline_run", pipelineRun);
    tags.put("kiln.model", policy.model());
    tags.put("kiln.challenger_version", Long.toString(registered.version()));
    if (champion != null) {
      tags.put("kiln.champion_version", Long.toString(champion.version()));
    }
    tags.put("kiln.reasons", String.join("; ", verdict.reasons()));
    String runId = store.createRun(Experiments.idOf(store, project.name() + "/retrain"), "retrain "
        + policy.model(), tags).id();
    List<Metric> metrics = new ArrayList<>();
    challengerMetrics.forEach((k, v) -> metrics.add(Metric.of("challenger." + k, v)));
    if (championMetrics != null) {
      championMetrics.forEach((k, v) -> metrics.add(Metric.of("champion." + k, v)));
    }
    Map<String, String> params = new LinkedHashMap<>();
    params.put("metric", policy.rule().metric());
    params.put("max_regression", Double.toString(policy.rule().maxRegression()));
    params.put("floor", String.valueOf(policy.rule().floor()));
    params.put("pipeline", policy.pipeline());
    store.logBatch(runId, new LogBatch(metrics, params, Map.of()));
    store.logInputs(runId, List.of(new DatasetInput(policy.holdoutDataset(), "catalog:"
        + policy.holdoutDataset(), null, null, -1, null), new DatasetInput(policy.model()
        + ":" + registered.version(), registered.source(), null, null, -1, null)));
    store.updateRun(runId, RunStatus.FINISHED, System.currentTimeMillis());
    return runId;
  }

}
