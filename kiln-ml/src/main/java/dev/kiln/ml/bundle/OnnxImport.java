package dev.kiln.ml.bundle;

import dev.kiln.core.KilnException;
import dev.kiln.data.ColumnType;
import dev.kiln.ml.Task;
import dev.kiln.ml.onnx.OnnxModel;
import dev.kiln.ml.onnx.OnnxRuntimeSupport;
import dev.kiln.ml.preprocess.FittedPreprocessor;
import dev.kiln.quality.validation.ColumnRule;
import dev.kiln.quality.validation.Schema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Makes a bundle from a model trained elsewhere and exported to ONNX (e.g. scikit-learn through
 * skl2onnx): the ONNX file becomes the model, the preprocessing is empty (the graph holds its
 * own), and the input fields are the graph's input columns in order.
 */
public final class OnnxImport {
  private OnnxImport() {}

  /**
   * What to import.
   *
   * @param name the model name
   * @param version the version label
   * @param task what the model predicts
   * @param inputs the input fields, in the order of the graph's input columns; null to name them
   *     {@code f0..f<n-1>} from the graph's input width
   */
  public record Spec(String name, String version, Task task, List<FieldSpec> inputs) {}

  /**
   * Writes a bundle (folder, atomically) holding an ONNX model; loading it runs the model with
   * ONNX Runtime.
   *
   * @return the manifest
   * @throws KilnException if the file is not an ONNX model of a supported shape, its width does
   *     not match the inputs, or the output exists
   */
  public static BundleManifest write(Path onnxFile, Spec spec, Path output) {
    byte[] bytes;
    OnnxRuntimeSupport.require();
    try {
      bytes = Files.readAllBytes(onnxFile);
    } catch (IOException e) {
      throw new BundleException("Cannot read ONNX model '" + onnxFile + "': " + e,
          "check the path", e);
    }
    List<FieldSpec> inputs = spec.inputs() != null ? spec.inputs() : inferred(onnxFile, bytes);
    List<String> features = inputs.stream().map(FieldSpec::name).toList();
    OnnxModel model = OnnxModel.load(bytes, spec.task(), features);
    String modelFile = "model.onnx";
    Map<String, byte[]> files = new TreeMap<>();
    files.put(modelFile, bytes);
    files.put(ModelBundle.PREPROCESSING,
        new FittedPreprocessor(List.of()).toJson().getBytes(StandardCharsets.UTF_8));
    BundleManifest manifest = new BundleManifest(BundleManifest.PLAIN_FORMAT_VERSION,
        spec.name(), spec.version(), spec.task(), Instant.now().toString(), null, inputs,
        features, null, model.format(), modelFile, ModelBundle.PREPROCESSING, null, null,
        Map.of("source", "onnx import of " + onnxFile.getFileName()), Map.of(), null);
    return BundleFolder.write(output, manifest, files, false);
  }

  /**
   * Returns the input fields a schema declares (see kiln-quality's {@link Schema}), in order; they
   * must be numeric.
   *
   * @throws BundleException naming a field that is not numeric
   */
  public static List<FieldSpec> inputs(Schema schema) {
    List<FieldSpec> fields = new ArrayList<>();
    schema.columns().forEach((name, rule) -> fields.add(field(name, rule)));
    return fields;
  }

  private static FieldSpec field(String name, ColumnRule rule) {
    ColumnType type = rule.type() == null ? ColumnType.DOUBLE : rule.type();
    if (!type.isNumeric()) {
      throw new BundleException("Input field '" + name + "' is " + type + ", but an ONNX"
          + " model's input is one float tensor.", "declare numeric fields only (encode text"
          + " inside the ONNX graph)");
    }
    return new FieldSpec(name, type, rule.nullable() == null || rule.nullable(), rule.min(),
        rule.max(), null);
  }

  private static List<FieldSpec> inferred(Path onnxFile, byte[] bytes) {
    int width = OnnxModel.inputWidth(bytes);
    if (width < 1) {
      throw new BundleException("The input width of ONNX model '" + onnxFile + "' is not fixed,"
          + " so its fields cannot be inferred.", "name the fields in a schema file: --inputs");
    }
    return IntStream.range(0, width).mapToObj(i -> new FieldSpec("f" + i, ColumnType.DOUBLE,
        true, null, null, null)).toList();
  }
}
