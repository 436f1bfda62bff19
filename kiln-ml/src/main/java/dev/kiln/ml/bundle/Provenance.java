package dev.kiln.ml.bundle;

import dev.kiln.core.config.ConfigMaps;
import dev.kiln.core.pipeline.NodeContext;
import dev.kiln.ml.RunEnvironment;
import dev.kiln.ml.xgboost.XGBoostModel;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a bundle comes from, recorded when a pipeline run writes it: the run, the versions of
 * Kiln, Java and XGBoost, the project's git state, the content hash of every dataset the run read
 * and the run's parameters. In {@code bundle.json} it is the {@code lineage} map, whose keys
 * {@link #toLineage()} and {@link #fromLineage(Map)} define.
 *
 * @param runId the pipeline run, or null outside a run
 * @param pipeline the pipeline, or null outside a run
 * @param versions the software that built the bundle
 * @param git the project's git commit and whether its work tree was dirty, or null outside git
 * @param inputHashes content hash of each dataset read, by catalog name
 * @param parameters the run's parameters, flattened to dotted keys
 */
public record Provenance(String runId, String pipeline, Versions versions, Git git,
    Map<String, String> inputHashes, Map<String, String> parameters) {
  private static final String INPUT = "input.";
  private static final String PARAM = "param.";

  /** Copies the maps, sorted by key. */
  public Provenance {
    inputHashes = Collections.unmodifiableMap(new TreeMap<>(inputHashes));
    parameters = Collections.unmodifiableMap(new TreeMap<>(parameters));
  }

  /**
   * The software versions a bundle was built with.
   *
   * @param kiln Kiln's version ({@code development} outside a jar)
   * @param java the Java runtime's version
   * @param xgboost XGBoost's native library version
   */
  public record Versions(String kiln, String java, String xgboost) {
    /** Returns the versions of this process. */
    public static Versions current() {
      return new Versions(RunEnvironment.kilnVersion(), Runtime.version().toString(),
          XGBoostModel.libraryVersion());
    }
  }

  /**
   * The git state of the project that built a bundle.
   *
   * @param commit the commit of HEAD
   * @param dirty whether the project's files differed from it
   */
  public record Git(String commit, boolean dirty) {}

  /** Returns the provenance of a bundle a node writes during a pipeline run. */
  public static Provenance of(NodeContext context) {
    Git git = null;
    if (context.projectDir() != null) {
      Map<String, String> tags = RunEnvironment.git(context.projectDir());
      if (tags.containsKey("git.commit")) {
        git = new Git(tags.get("git.commit"), Boolean.parseBoolean(tags.get("git.dirty")));
      }
    }
    Map<String, String> params = new TreeMap<>();
    ConfigMaps.flatten(context.parameters()).forEach((k, v) -> params.put(k, String.valueOf(v)));
    return new Provenance(context.runId(), context.runId() == null ? null : context.pipeline(),
        Versions.current(), git, context.datasetHashes(), params);
  }

  /**
   * Returns the {@code lineage} map of {@code bundle.json}: {@code run_id}, {@code pipeline},
   * {@code kiln}, {@code java}, {@code xgboost}, {@code git.commit}, {@code git.dirty}, {@code
   * input.<dataset>} and {@code param.<key>}, sorted; absent values are left out.
   */
  public Map<String, String> toLineage() {
    Map<String, String> out = new TreeMap<>();
    if (runId != null) {
      out.put("run_id", runId);
    }
    if (pipeline != null) {
      out.put("pipeline", pipeline);
    }
    if (versions != null) {
      out.put("kiln", versions.kiln());
      out.put("java", versions.java());
      out.put("xgboost", versions.xgboost());
    }
    if (git != null) {
      out.put("git.commit", git.commit());
      out.put("git.dirty", String.valueOf(git.dirty()));
    }
    inputHashes.forEach((k, v) -> out.put(INPUT + k, v));
    parameters.forEach((k, v) -> out.put(PARAM + k, v));
    return out;
  }

  /** Reads a {@code lineage} map as {@link #toLineage()} writes it; missing keys read as null. */
  public static Provenance fromLineage(Map<String, String> lineage) {
    Map<String, String> inputs = new TreeMap<>();
    Map<String, String> params = new TreeMap<>();
    lineage.forEach((k, v) -> {
      if (k.startsWith(INPUT)) {
        inputs.put(k.substring(INPUT.length()), v);
      } else if (k.startsWith(PARAM)) {
        params.put(k.substring(PARAM.length()), v);
      }
    });
    boolean anyVersion = lineage.containsKey("kiln") || lineage.containsKey("java")
        || lineage.containsKey("xgboost");
    return new Provenance(lineage.get("run_id"), lineage.get("pipeline"), anyVersion
        ? new Versions(lineage.get("kiln"), lineage.get("java"), lineage.get("xgboost")) : null,
        lineage.containsKey("git.commit") ? new Git(lineage.get("git.commit"),
            Boolean.parseBoolean(lineage.get("git.dirty"))) : null, inputs, params);
  }
}
