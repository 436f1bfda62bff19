package dev.kiln.cli;

import dev.kiln.core.KilnException;
import dev.kiln.ml.Task;
import dev.kiln.ml.bundle.BundleManifest;
import dev.kiln.ml.bundle.OnnxImport;
import dev.kiln.quality.validation.Schema;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kiln bundle import-onnx MODEL.onnx --name N --task T --output BUNDLE}. */
@Command(name = "import-onnx", mixinStandardHelpOptions = true,
    description = "Make a bundle from an ONNX model (one float input [N, F]), run with ONNX"
        + " Runtime.")
final class ImportOnnxCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "MODEL", description = "The .onnx file.")
  Path model;

  @Option(names = "--name", required = true, description = "Model name.")
  String name;

  @Option(names = "--task", required = true, paramLabel = "binary|multiclass|regression",
      description = "What the model predicts.")
  String task;

  @Option(names = "--inputs", paramLabel = "SCHEMA", description = "Schema YAML naming the input"
      + " columns in the graph's order (default: f0..f<n-1> from the graph's input width).")
  Path inputs;

  @Option(names = "--model-version", defaultValue = "1", description = "Version label.")
  String version;

  @Option(names = "--output", required = true, description = "Bundle folder to write.")
  Path output;

  @Override
  public Integer call() {
    BundleManifest m = OnnxImport.write(model, new OnnxImport.Spec(name, version, task(),
        inputs == null ? null : OnnxImport.inputs(Schema.read(inputs))), output);
    spec.commandLine().getOut().printf("Wrote bundle %s: %s version %s, %s, inputs %s%n", output,
        m.name(), m.version(), m.task(), m.features());
    return 0;
  }

  private Task task() {
    return switch (task) {
      case "binary" -> Task.BINARY_CLASSIFICATION;
      case "multiclass" -> Task.MULTICLASS_CLASSIFICATION;
      case "regression" -> Task.REGRESSION;
      default -> throw new KilnException("--task '" + task + "' is not a task.",
          "use binary, multiclass or regression");
    };
  }
}
