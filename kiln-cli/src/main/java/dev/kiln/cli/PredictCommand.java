package dev.kiln.cli;

import dev.kiln.data.Frame;
import dev.kiln.lifecycle.ModelReferences;
import dev.kiln.ml.bundle.BatchScoring;
import dev.kiln.ml.bundle.BundleKey;
import dev.kiln.ml.bundle.LoadOptions;
import dev.kiln.ml.bundle.LoadedBundle;
import dev.kiln.serving.ServerClient;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kiln predict BUNDLE --input in.csv --output out.parquet}: batch scoring. */
@Command(name = "predict", mixinStandardHelpOptions = true,
    description = "Score a CSV/Parquet/JSONL file with a model bundle, in chunks of rows.")
final class PredictCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "MODEL", description = "Bundle folder or zip, or a registered model:"
      + " NAME@alias, NAME:version or NAME (latest).")
  String model;

  @picocli.CommandLine.Mixin ProjectOptions project;

  @Option(names = "--input", required = true, description = "File to score.")
  Path input;

  @Option(names = "--output", required = true, description = "File to write (.parquet, .csv,"
      + " .jsonl): the input columns plus the predictions.")
  Path output;

  @Option(names = "--keep", split = ",", paramLabel = "COLUMNS", description = "Input columns"
      + " to copy into the output before the predictions, e.g. --keep id,ts (default: all;"
      + " --keep= for none). Fewer columns make a large output much faster to write.")
  List<String> keep;

  @Option(names = "--chunk-rows", defaultValue = "100000", description = "Rows per chunk (per"
      + " request with --server; at most the server's --max-rows).")
  int chunkRows;

  @Option(names = "--server", description = "Send the rows to this model server (e.g."
      + " http://localhost:8080) instead of loading the model here; MODEL is the served name."
      + " The output gains request_id and row, the keys to join labels on.")
  String server;

  @Option(names = "--token-env", paramLabel = "VAR", description = "Bearer token for --server,"
      + " from this environment variable.")
  String tokenEnv;

  @Option(names = "--key-file", paramLabel = "FILE", description = "AES key of an encrypted"
      + " bundle (default: KILN_BUNDLE_KEY, or the file named by KILN_BUNDLE_KEY_FILE).")
  Path keyFile;

  @Option(names = "--require-signature", paramLabel = "PUBLIC_KEY", description = "Refuse the"
      + " bundle unless signed by this key (default: KILN_BUNDLE_PUBLIC_KEY, if set).")
  Path trustedKey;

  @Override
  public Integer call() throws java.io.IOException {
    if (chunkRows < 1) {
      throw new dev.kiln.core.KilnException("--chunk-rows must be at least 1.", null);
    }
    List<String> kept = keep == null ? null
        : keep.stream().map(String::trim).filter(k -> !k.isEmpty()).toList();
    // the input is read from here on, while the model loads
    try (BatchScoring scoring = BatchScoring.start(new BatchScoring.Job(input, output, chunkRows,
        kept))) {
      if (server != null) {
        return scoreThroughServer(scoring);
      }
      ModelReferences.Loaded found = project.loadModel(model, loadOptions());
      LoadedBundle loaded = found.bundle();
      long rows = score(scoring, loaded::predict);
      spec.commandLine().getOut().printf("Scored %,d rows with %s version %s into %s%n", rows,
          loaded.manifest().name(), found.version(), output);
      return 0;
    }
  }

  private int scoreThroughServer(BatchScoring scoring) {
    String name = model.replaceAll("[@:].*$", "");
    String prefix = input.getFileName().toString().replaceAll("\\W+", "-") + "-"
        + Long.toString(System.currentTimeMillis(), 36);
    ServerClient client = new ServerClient(server, name, Secrets.fromEnv(tokenEnv), prefix);
    long rows = score(scoring, client);
    spec.commandLine().getOut().printf("Scored %,d rows through %s (model %s) into %s%n", rows,
        server, name, output);
    return 0;
  }

  /** Scores the input file in chunks, reporting progress on stderr. */
  private long score(BatchScoring scoring, UnaryOperator<Frame> predictor) {
    try (StderrProgress progress = StderrProgress.start("Scoring", "rows", System.err,
        spec.commandLine().getErr())) {
      return scoring.score(predictor, progress);
    }
  }

  private LoadOptions loadOptions() {
    LoadOptions options = LoadOptions.fromEnvironment();
    options = keyFile == null ? options : options.withKey(BundleKey.fromFile(keyFile));
    return trustedKey == null ? options : options.requireSignature(trustedKey);
  }
}
