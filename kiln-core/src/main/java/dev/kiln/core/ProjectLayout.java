package dev.kiln.core;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Every path Kiln keeps under a project's state folder {@code .kiln/}: run states, the node cache,
 * compiled project classes, the SQLite tracking store and artifacts, the prediction log, monitoring
 * reports, the serving download cache, retraining state and the shell's start-up script. Modules
 * ask this one owner instead of spelling the names themselves, so the layout can change in one
 * place.
 *
 * <pre>
 * .kiln/
 *   runs/&lt;run id&gt;.json        run state (resume, failed-node traces)
 *   cache.json                 node cache keys
 *   classes/&lt;source hash&gt;/    compiled src/main/java
 *   tracking.db, artifacts/    default tracking store and artifact store
 *   predictions/               prediction log of kiln serve
 *   monitoring/&lt;model&gt;/       kiln monitor reports, latest.json the newest
 *   serving-cache/             bundles a server downloaded from the registry
 *   retrain/&lt;model&gt;.json      retraining triggers' memory; scratch downloads
 *   shell/startup.jsh          what kiln shell defines before its prompt
 * </pre>
 *
 * @param stateDir the state folder, normally {@code <project>/.kiln}
 */
public record ProjectLayout(Path stateDir) {
  /** The name of the state folder inside a project. */
  public static final String STATE_DIR = ".kiln";
  /** The file name of a model's newest monitoring report. */
  public static final String LATEST_REPORT = "latest.json";

  /** Checks the folder is given. */
  public ProjectLayout {
    Objects.requireNonNull(stateDir, "stateDir");
  }

  /** Returns the layout of the project in {@code projectDir}. */
  public static ProjectLayout of(Path projectDir) {
    return new ProjectLayout(projectDir.resolve(STATE_DIR));
  }

  /** Returns the folder of run state files, one {@code <run id>.json} per run. */
  public Path runsDir() {
    return stateDir.resolve("runs");
  }

  /** Returns the node cache file. */
  public Path nodeCache() {
    return stateDir.resolve("cache.json");
  }

  /** Returns the folder of compiled project classes, one subfolder per source hash. */
  public Path classesDir() {
    return stateDir.resolve("classes");
  }

  /** Returns the default (SQLite) tracking database. */
  public Path trackingDb() {
    return stateDir.resolve("tracking.db");
  }

  /** Returns the local artifact store's folder. */
  public Path artifactsDir() {
    return stateDir.resolve("artifacts");
  }

  /** Returns the prediction log folder of {@code kiln serve}. */
  public Path predictionsDir() {
    return stateDir.resolve("predictions");
  }

  /** Returns the folder of monitoring reports, one subfolder per model. */
  public Path monitoringDir() {
    return stateDir.resolve("monitoring");
  }

  /** Returns the folder of one model's monitoring reports. */
  public Path monitoringDir(String model) {
    return monitoringDir().resolve(model);
  }

  /** Returns a model's newest monitoring report, {@value #LATEST_REPORT}. */
  public Path latestMonitorReport(String model) {
    return monitoringDir(model).resolve(LATEST_REPORT);
  }

  /** Returns where a model server keeps the bundles it downloaded from the registry. */
  public Path servingCacheDir() {
    return stateDir.resolve("serving-cache");
  }

  /** Returns the folder of retraining state and scratch downloads. */
  public Path retrainDir() {
    return stateDir.resolve("retrain");
  }

  /** Returns what the retraining triggers of a model remember between rounds. */
  public Path retrainState(String model) {
    return retrainDir().resolve(model + ".json");
  }

  /** Returns the JShell script {@code kiln shell} runs at start (its imports and variables). */
  public Path shellStartup() {
    return stateDir.resolve("shell").resolve("startup.jsh");
  }
}
