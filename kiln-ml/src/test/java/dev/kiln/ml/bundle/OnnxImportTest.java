package dev.kiln.ml.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.LongColumn;
import dev.kiln.ml.PythonOracle;
import dev.kiln.ml.Task;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Imports ONNX graphs written by python3-onnx (make_models.py) and checks Kiln's predictions. */
class OnnxImportTest {
  private static final double[][] W = {{0.5, -1, 0.2}, {1.5, 0.3, -0.7}, {-2, 0.1, 0.4}};
  private static final double[] B = {0.1, -0.2, 0.3};

  @TempDir Path dir;

  @Test
  void binarySigmoidGraph_predictsTheHandComputedProbability() throws Exception {
    LoadedBundle bundle = importAs("binary", Task.BINARY_CLASSIFICATION, W, B);
    Frame input = input(200);
    Frame out = bundle.predict(input);
    assertThat(out.columnNames()).containsExactly("probability", "prediction");
    for (int i = 0; i < 200; i++) {
      double p = 1 / (1 + Math.exp(-z(input, i, 0)));
      assertThat(out.column("probability").getDouble(i)).isCloseTo(p, within(1e-6));
      assertThat(out.column("prediction").getDouble(i)).isEqualTo(p >= 0.5 ? 1.0 : 0.0);
    }
    assertThat(bundle.manifest().modelFormat()).isEqualTo("onnx");
    assertThat(bundle.manifest().modelFile()).isEqualTo("model.onnx");
  }

  @Test
  void regressionGraph_predictsTheLinearScore() throws Exception {
    LoadedBundle bundle = importAs("regression", Task.REGRESSION, W, B);
    Frame input = input(50);
    Frame out = bundle.predict(input);
    for (int i = 0; i < 50; i++) {
      assertThat(out.column("prediction").getDouble(i)).isCloseTo(z(input, i, 0), within(1e-5));
    }
  }

  @Test
  void zipMapGraph_givesEveryClassProbability_multiclassAndBinary() throws Exception {
    Frame input = input(100);
    Frame multi = importAs("zipmap", Task.MULTICLASS_CLASSIFICATION, W, B).predict(input);
    assertThat(multi.columnNames())
        .containsExactly("probability_0", "probability_1", "probability_2", "prediction");
    double[][] twoClasses = {{0.5, -1}, {1.5, 0.3}, {-2, 0.1}};
    Frame binary = importAs("zipmap", Task.BINARY_CLASSIFICATION, twoClasses, new double[] {0.1,
        -0.2}).predict(input);
    for (int i = 0; i < 100; i++) {
      double[] p = softmax(z(input, i, 0), z(input, i, 1), z(input, i, 2));
      for (int c = 0; c < 3; c++) {
        assertThat(multi.column("probability_" + c).getDouble(i)).isCloseTo(p[c], within(1e-6));
      }
      double[] q = softmax(z(input, i, 0), z(input, i, 1));
      assertThat(binary.column("probability").getDouble(i)).isCloseTo(q[1], within(1e-6));
    }
  }

  @Test
  void inputsFromASchema_nameTheFields_andAWrongWidthIsRefused() throws Exception {
    Path onnx = models(W, B).resolve("binary.onnx");
    Path schema = dir.resolve("schema.yml");
    Files.writeString(schema, "columns:\n  amount: {type: double}\n  age: {type: long}\n"
        + "  score: {type: double, nullable: false}\n");
    OnnxImport.write(onnx, new OnnxImport.Spec("m", "1", Task.BINARY_CLASSIFICATION,
        OnnxImport.inputs(dev.kiln.quality.validation.Schema.read(schema))), dir.resolve("b"));
    LoadedBundle bundle = ModelBundle.load(dir.resolve("b"), LoadOptions.none());
    assertThat(bundle.manifest().features()).containsExactly("amount", "age", "score");
    Frame named = Frame.of(DoubleColumn.of("amount", 1), LongColumn.of("age", 2L),
        DoubleColumn.of("score", 3));
    assertThat(bundle.predict(named).column("probability").getDouble(0))
        .isCloseTo(1 / (1 + Math.exp(-(0.5 + 2 * 1.5 - 3 * 2 + 0.1))), within(1e-6));
    List<FieldSpec> two = OnnxImport.inputs(dev.kiln.quality.validation.Schema.read(schema))
        .subList(0, 2);
    assertThatThrownBy(() -> OnnxImport.write(onnx, new OnnxImport.Spec("m", "1",
        Task.BINARY_CLASSIFICATION, two), dir.resolve("c")))
        .hasMessageContaining("takes 3 features, but 2 input fields are declared");
  }

  @Test
  void notAnOnnxFile_isRefused() throws IOException {
    Path bogus = dir.resolve("bogus.onnx");
    Files.writeString(bogus, "hello");
    assertThatThrownBy(() -> OnnxImport.write(bogus, new OnnxImport.Spec("m", "1",
        Task.REGRESSION, null), dir.resolve("b"))).hasMessageContaining("Cannot load the ONNX");
  }

  private LoadedBundle importAs(String graph, Task task, double[][] w, double[] b)
      throws Exception {
    Path out = dir.resolve(graph + "-" + task + "-" + b.length);
    OnnxImport.write(models(w, b).resolve(graph + ".onnx"),
        new OnnxImport.Spec("imported", "1", task, null), out);
    return ModelBundle.load(out, LoadOptions.none());
  }

  private Path models(double[][] w, double[] b) throws Exception {
    Path models = Files.createTempDirectory(dir, "models");
    String script = new String(getClass().getResourceAsStream("/onnx/make_models.py")
        .readAllBytes(), StandardCharsets.UTF_8);
    PythonOracle.run(script, "{\"dir\": \"" + models + "\", \"w\": "
        + java.util.Arrays.deepToString(w) + ", \"b\": " + java.util.Arrays.toString(b) + "}");
    return models;
  }

  private static Frame input(int rows) {
    Random r = new Random(7);
    double[][] cols = new double[3][rows];
    for (double[] c : cols) {
      for (int i = 0; i < rows; i++) {
        c[i] = r.nextGaussian();
      }
    }
    return Frame.of(DoubleColumn.of("f0", cols[0]), DoubleColumn.of("f1", cols[1]),
        DoubleColumn.of("f2", cols[2]));
  }

  private static double z(Frame input, int row, int column) {
    double z = B[column];
    for (int f = 0; f < 3; f++) {
      z += (float) input.column("f" + f).getDouble(row) * W[f][column];
    }
    return z;
  }

  private static double[] softmax(double... z) {
    double max = java.util.Arrays.stream(z).max().orElseThrow();
    double[] e = java.util.Arrays.stream(z).map(v -> Math.exp(v - max)).toArray();
    double sum = java.util.Arrays.stream(e).sum();
    return java.util.Arrays.stream(e).map(v -> v / sum).toArray();
  }
}
