package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import dev.kiln.ml.Model;
import dev.kiln.ml.Task;
import dev.kiln.ml.TrainingData;
import dev.kiln.ml.bundle.BundleSpec;
import dev.kiln.ml.bundle.ModelBundle;
import dev.kiln.ml.preprocess.FittedPreprocessor;
import dev.kiln.ml.preprocess.Preprocessor;
import dev.kiln.ml.preprocess.StandardScaler;
import dev.kiln.ml.xgboost.XGBoostEstimator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kiln bundle encrypt|decrypt|import-onnx} and {@code kiln predict}'s key options. */
class BundleCommandTest {
  @TempDir Path work;
  private Path bundle;
  private Path input;
  private String out;
  private String err;

  private int kiln(Object... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    String[] words = java.util.Arrays.stream(args).map(String::valueOf).toArray(String[]::new);
    int code = Main.execute(words, new PrintWriter(o), new PrintWriter(e));
    out = o.toString();
    err = e.toString();
    return code;
  }

  @BeforeEach
  void bundle() throws Exception {
    double[] x = new double[200];
    double[] y = new double[200];
    for (int i = 0; i < x.length; i++) {
      x[i] = i / 20.0;
      y[i] = i % 3 == 0 || x[i] > 5 ? 1 : 0;
    }
    Frame data = Frame.of(DoubleColumn.of("x", x), DoubleColumn.of("y", y));
    FittedPreprocessor prep = new Preprocessor(List.of(new StandardScaler(List.of("x"))))
        .fit(data);
    Model model = new XGBoostEstimator(Task.BINARY_CLASSIFICATION, Map.of("max_depth", 2), 5, 0)
        .fit(TrainingData.of(prep.transform(data), "y"), null);
    bundle = work.resolve("bundle");
    ModelBundle.write(BundleSpec.builder("demo", "1").model(model, prep)
        .trainedOn(data, "y").build(), bundle);
    input = work.resolve("in.csv");
    Files.writeString(input, "x,f0,f1,f2\n1.5,1,2,3\n7,0,0,1\n");
  }

  @Test
  void encryptedBundle_needsItsKey_andErrorsNameTheFix() throws Exception {
    Path key = work.resolve("keys/aes.key");
    assertThat(kiln("bundle", "keygen", "--aes", key)).isZero();
    String secret = Files.readString(key).trim();
    assertThat(out).contains("key id").doesNotContain(secret);
    assertThat(kiln("bundle", "encrypt", bundle, "--key-file", key)).isZero();
    assertThat(kiln("bundle", "inspect", bundle)).isZero();
    assertThat(out).contains("encrypted AES-256-GCM, key id");

    assertThat(kiln("predict", bundle, "--input", input, "--output", work.resolve("o.csv")))
        .isEqualTo(2);
    assertThat(err).contains("is encrypted").contains("Hint:").contains("--key-file")
        .doesNotContain("\tat ");
    Path other = work.resolve("keys/other.key");
    kiln("bundle", "keygen", "--aes", other);
    assertThat(kiln("predict", bundle, "--input", input, "--output", work.resolve("o.csv"),
        "--key-file", other)).isEqualTo(2);
    assertThat(err).contains("but the key given has id").doesNotContain(secret);
    assertThat(kiln("predict", bundle, "--input", input, "--output", work.resolve("o.csv"),
        "--key-file", key)).isZero();
    assertThat(Files.readString(work.resolve("o.csv"))).contains("probability");

    assertThat(kiln("bundle", "decrypt", bundle, "--key-file", key, "--output",
        work.resolve("plain"))).isZero();
    assertThat(kiln("predict", work.resolve("plain"), "--input", input, "--output",
        work.resolve("p.csv"))).isZero();
    assertThat(kiln("bundle", "encrypt", bundle)).isEqualTo(2);
    assertThat(err).contains("--key-env").contains("--key-file");
  }

  @Test
  void predict_keep_copiesOnlyTheNamedInputColumns() throws Exception {
    assertThat(kiln("predict", bundle, "--input", input, "--output", work.resolve("k.csv"),
        "--keep", "f2,x")).isZero();
    assertThat(Files.readAllLines(work.resolve("k.csv")).get(0))
        .isEqualTo("f2,x,probability,prediction");
    assertThat(kiln("predict", bundle, "--input", input, "--output", work.resolve("n.csv"),
        "--keep=")).isZero();
    assertThat(Files.readAllLines(work.resolve("n.csv")).get(0))
        .isEqualTo("probability,prediction");
    assertThat(kiln("predict", bundle, "--input", input, "--output", work.resolve("u.csv"),
        "--keep", "f9")).isEqualTo(2);
    assertThat(err).contains("has no column 'f9' to keep").doesNotContain("\tat ");
    assertThat(Files.exists(work.resolve("u.csv"))).isFalse();
  }

  @Test
  void requireSignature_refusesUnsignedAndAcceptsSigned() {
    kiln("bundle", "keygen", work.resolve("signing"));
    Path pub = work.resolve("signing.pub");
    assertThat(kiln("predict", bundle, "--input", input, "--output", work.resolve("o.csv"),
        "--require-signature", pub)).isEqualTo(2);
    assertThat(err).contains("is not signed").contains("Hint: sign it");
    assertThat(kiln("bundle", "sign", bundle, "--key", work.resolve("signing.key"))).isZero();
    assertThat(kiln("predict", bundle, "--input", input, "--output", work.resolve("o.csv"),
        "--require-signature", pub)).isZero();
  }

  @Test
  void importOnnx_thenPredict() throws Exception {
    Path models = Files.createDirectories(work.resolve("models"));
    Process p = new ProcessBuilder("/usr/bin/python3", Path.of("..").toAbsolutePath()
        .resolve("kiln-ml/src/test/resources/onnx/make_models.py").toString()).start();
    p.getOutputStream().write(("{\"dir\": \"" + models + "\", \"w\": [[1], [0], [-1]],"
        + " \"b\": [0.5]}").getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    assertThat(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0)
        .as("python3-onnx (see .ci/run): %s", new String(p.getErrorStream().readAllBytes(),
            StandardCharsets.UTF_8)).isTrue();
    assertThat(kiln("bundle", "import-onnx", models.resolve("regression.onnx"), "--name", "lin",
        "--task", "regression", "--output", work.resolve("onnx-bundle"))).isZero();
    assertThat(out).contains("inputs [f0, f1, f2]");
    assertThat(kiln("predict", work.resolve("onnx-bundle"), "--input", input, "--output",
        work.resolve("r.csv"))).isZero();
    List<String> lines = Files.readAllLines(work.resolve("r.csv"));
    assertThat(lines.get(1)).endsWith(",-1.5");
    assertThat(lines.get(2)).endsWith(",-0.5");
    assertThat(kiln("bundle", "import-onnx", models.resolve("regression.onnx"), "--name", "lin",
        "--task", "ranking", "--output", work.resolve("x"))).isEqualTo(2);
    assertThat(err).contains("--task 'ranking'");
  }

  @Test
  void predict_intoAFile_writesNoCursorCodes() throws Exception {
    Path log = work.resolve("stderr.txt");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "--add-opens=java.base/java.nio=ALL-UNNAMED", "-cp",
        System.getProperty("java.class.path"), Main.class.getName(), "predict", bundle.toString(), "--input", input.toString(), "--output",
        work.resolve("o.csv").toString()).redirectError(log.toFile())
        .redirectOutput(work.resolve("stdout.txt").toFile()).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(log)).isZero();
    assertThat(Files.readString(work.resolve("stdout.txt"))).contains("Scored 2 rows");
    assertThat(Files.readString(log)).doesNotContain("\r").doesNotContain("\u001b")
        .doesNotContain("[=");
  }

  @Test
  void inspectAndPredict_refuseABundleWhoseModelAndManifestDisagree() throws Exception {
    Path manifest = bundle.resolve("bundle.json");
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    var tree = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(manifest.toFile());
    ((com.fasterxml.jackson.databind.node.ArrayNode) tree.get("features")).add("x2");
    json.writeValue(manifest.toFile(), tree);
    assertThat(kiln("bundle", "inspect", bundle)).isEqualTo(2);
    assertThat(err).contains("cannot be loaded from its model file 'model.json': The XGBoost"
        + " model takes 1 feature, but 2 feature names are given.").contains("Hint:")
        .doesNotContain("[bt]").doesNotContain("\tat ");
    assertThat(kiln("predict", bundle, "--input", input, "--output", work.resolve("o.csv")))
        .isEqualTo(2);
    assertThat(err).contains("takes 1 feature, but 2").doesNotContain("[bt]");
  }

  @Test
  void predict_aMistypedPathOutsideAProject_saysThereIsNoBundle() {
    assertThat(kiln("predict", work.resolve("bundel"), "--project", work, "--input", input,
        "--output", work.resolve("o.csv"))).isEqualTo(2);
    assertThat(err).contains("No bundle at '" + work.resolve("bundel") + "'")
        .doesNotContain("is not a Kiln project:");
  }
}
