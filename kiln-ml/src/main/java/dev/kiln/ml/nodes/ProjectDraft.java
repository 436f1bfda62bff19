package dev.kiln.ml.nodes;

import dev.kiln.core.KilnException;
import dev.kiln.core.ProjectLayout;
import dev.kiln.data.Frame;
import dev.kiln.data.io.CsvOptions;
import dev.kiln.data.io.FileFormat;
import dev.kiln.data.io.FrameReader;
import dev.kiln.ml.Task;
import dev.kiln.quality.validation.Schema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The files of a YAML-only project for one data file and target, as {@code kiln new NAME --from
 * DATA --target COLUMN} writes them: catalog, inferred schema, parameters and a pipeline of
 * built-in nodes (validate, gate, split, train, evaluate, bundle).
 */
public final class ProjectDraft {
  private ProjectDraft() {}

  /**
   * Drafts the project's text files by path from a data file (CSV, Parquet or JSONL, told by its
   * name), which the caller copies to {@code data/01_raw}.
   *
   * @throws KilnException if the file does not exist or its format is unknown, and as {@link
   *     #files(String, String, Frame, String, String)}
   */
  public static Map<String, String> files(String name, Path dataFile, String target,
      String task) {
    if (!Files.isRegularFile(dataFile)) {
      throw new KilnException("Data file '" + dataFile + "' does not exist.", "check the path");
    }
    FileFormat format = FileFormat.ofFile(dataFile).orElseThrow(() -> new KilnException(
        "Cannot tell the format of '" + dataFile + "' from its name.",
        "use a .csv, .parquet or .jsonl file"));
    return files(name, dataFile.getFileName().toString(), FrameReader.read(dataFile, format,
        CsvOptions.defaults()), target, task);
  }

  /**
   * Drafts the project's text files by path; the data file itself is copied to
   * {@code data/01_raw/<fileName>} by the caller.
   *
   * @param task classification, binary, multiclass, regression, or null to infer it
   * @throws KilnException naming the data file and the target when the target is missing,
   *     constant, has one class, or holds text for a regression
   */
  public static Map<String, String> files(String name, String fileName, Frame data,
      String target, String task) {
    Task chosen;
    try {
      chosen = Targets.task(data, target, task);
    } catch (KilnException e) {
      throw new KilnException("'" + fileName + "': " + e.getMessage(), e.hint().orElse(null), e);
    }
    FileFormat format = FileFormat.ofFile(Path.of(fileName)).orElseThrow(() ->
        new KilnException("Cannot tell the format of '" + fileName + "' from its name.",
            "use a .csv, .parquet or .jsonl file"));
    Map<String, String> files = new LinkedHashMap<>();
    files.put("conf/base/kiln.yml", "name: " + name + "\n");
    files.put("conf/base/catalog.yml", catalog(fileName, format));
    files.put("conf/base/schema.yml", "# Drafted from " + fileName + " by 'kiln new': edit the"
        + " rules and their policies\n# (fail, quarantine, warn).\n"
        + Schema.infer(data).toYaml().replaceFirst("^---\\n", ""));
    files.put("conf/base/parameters.yml", parameters(target, chosen));
    files.put("conf/base/pipelines.yml", PIPELINE);
    files.put("README.md", readme(name, fileName, target, chosen));
    files.put(".gitignore", "data/0[2-8]_*/\n" + ProjectLayout.STATE_DIR + "/\n");
    return files;
  }

  private static String catalog(String fileName, FileFormat format) {
    return """
        # Datasets by name, as in Kedro's catalog. Unlisted names stay in memory during a run.
        raw:
          type: %s
          filepath: data/01_raw/%s
        schema:
          type: schema
          filepath: conf/base/schema.yml
        validation_report:
          type: json
          filepath: data/08_reporting/validation.json
        quarantined:
          type: csv
          filepath: data/02_intermediate/quarantined.csv
        train:
          type: csv
          filepath: data/05_model_input/train.csv
        test:
          type: csv
          filepath: data/05_model_input/test.csv
        metrics:
          type: json
          filepath: data/08_reporting/metrics.json
        model_bundle:
          type: model_bundle
          filepath: data/06_models/bundle
        """.formatted(format.name().toLowerCase(Locale.ROOT), fileName);
  }

  private static String parameters(String target, Task task) {
    boolean classes = task != Task.REGRESSION;
    return """
        split:
          %s
          test_size: 0.2
          seed: 42
        train:
          target: %s
          task: %s
          rounds: 300
          early_stopping_rounds: 20
          params: {max_depth: 6, eta: 0.1, nthread: 1}
        """.formatted(classes ? "target: " + target + "        # stratified by its classes"
            : "method: random", target, switch (task) {
              case BINARY_CLASSIFICATION -> "binary";
              case MULTICLASS_CLASSIFICATION -> "multiclass";
              case REGRESSION -> "regression";
            });
  }

  private static final String PIPELINE = """
      # Built-in nodes wired by dataset names; 'kiln nodes' lists every type and its parameters.
      __default__:
        nodes:
          validate:
            type: validate
            inputs: {data: raw, schema: schema}
            outputs: {data: validated, report: validation_report, quarantine: quarantined}
          gate:
            type: gate
            inputs: [validated, validation_report]
            outputs: clean
          split:
            type: split
            inputs: clean
            outputs: [train, test]
            params: params:split
          train:
            type: train
            inputs: train
            outputs: model
            params: params:train
          evaluate:
            type: evaluate
            inputs: [model, test]
            outputs: metrics
          bundle:
            type: bundle
            inputs: {model: model, data: train, metrics: metrics}
            outputs: model_bundle
      """;

  private static String readme(String name, String fileName, String target, Task task) {
    return """
        # %s

        Predicts `%s` (%s) from `data/01_raw/%s`. Written by `kiln new --from`; no Java.

        ```bash
        kiln run --project .                                  # validate, split, train, evaluate, bundle
        kiln serve data/06_models/bundle --project .           # HTTP predictions from raw records
        kiln predict data/06_models/bundle --input data/01_raw/%s --output scored.csv
        ```

        Edit `conf/base/parameters.yml` (split and model), `conf/base/schema.yml` (validation
        rules) and `conf/base/pipelines.yml` (the nodes).
        """.formatted(name, target, task.name().toLowerCase(Locale.ROOT).replace('_', ' '),
        fileName, fileName);
  }
}
