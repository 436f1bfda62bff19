package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kiln new --from} on public data sets that are not in the repository (scikit-learn's
 * bundled breast-cancer and diabetes tables, written to CSV by Python): the YAML-only project
 * trains, evaluates and serves, and matches a plain Python XGBoost script with the same split and
 * parameters.
 */
class NewFromDataTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PYTHON = "/usr/bin/python3";
  private static final String SAME_AS_PYTHON = "train.early_stopping_rounds=0,"
      + "train.params.tree_method=hist";

  @TempDir Path work;
  private String out;
  private String err;

  private int kiln(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code = Main.execute(args, new PrintWriter(o), new PrintWriter(e));
    out = o.toString();
    err = e.toString();
    return code;
  }

  private Path dataset(String loader, String file) throws Exception {
    Path csv = work.resolve(file);
    python("import sklearn.datasets as d, re\n"
        + "b = d." + loader + "(as_frame=True)\n"
        + "f = b.frame\n"
        + "f.columns = [re.sub(r'\\W+', '_', c).strip('_') for c in f.columns]\n"
        + "f.to_csv('" + csv + "', index=False)\n");
    return csv;
  }

  private String python(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of(PYTHON));
    if (args.length == 1) {
      command.addAll(List.of("-c", args[0]));
    } else {
      command.addAll(List.of(args));
    }
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(text).isZero();
    return text;
  }

  @Test
  void binaryClassifier_trainsEvaluatesServes_andMatchesPlainPythonXgboost() throws Exception {
    Path csv = dataset("load_breast_cancer", "cancer.csv");
    assertThat(kiln("new", "cancer", "--dir", work.toString(), "--from", csv.toString(),
        "--target", "target")).as(err).isZero();
    Path project = work.resolve("cancer");
    assertThat(project.resolve("src")).doesNotExist();
    assertThat(Files.readAllLines(project.resolve("conf/base/pipelines.yml"))).hasSizeLessThan(40);
    assertThat(Files.readString(project.resolve("conf/base/parameters.yml")))
        .contains("task: binary");
    assertThat(kiln("run", "--project", project.toString(), "--params", SAME_AS_PYTHON))
        .as(out + err).isZero();
    JsonNode kilnMetrics = JSON.readTree(project.resolve("data/08_reporting/metrics.json")
        .toFile()).get("values");
    JsonNode py = JSON.readTree(python(script(), project.toString(), "target", "binary"));
    System.out.printf("breast cancer, 114 test rows: Kiln ROC-AUC %.4f log loss %.4f; Python"
        + " XGBoost ROC-AUC %.4f log loss %.4f%n", kilnMetrics.get("roc_auc").asDouble(),
        kilnMetrics.get("log_loss").asDouble(), py.get("roc_auc").asDouble(),
        py.get("log_loss").asDouble());
    assertThat(kilnMetrics.get("roc_auc").asDouble())
        .isGreaterThanOrEqualTo(py.get("roc_auc").asDouble() - 0.01);
    assertThat(kilnMetrics.get("log_loss").asDouble())
        .isLessThanOrEqualTo(py.get("log_loss").asDouble() * 1.2);
    assertServes(project, "cancer");
  }

  @Test
  void regression_matchesPlainPythonXgboost() throws Exception {
    Path csv = dataset("load_diabetes", "diabetes.csv");
    assertThat(kiln("new", "diabetes", "--dir", work.toString(), "--from", csv.toString(),
        "--target", "target")).as(err).isZero();
    Path project = work.resolve("diabetes");
    assertThat(Files.readString(project.resolve("conf/base/parameters.yml")))
        .contains("task: regression");
    assertThat(kiln("run", "--project", project.toString(), "--params", SAME_AS_PYTHON))
        .as(out + err).isZero();
    double kilnRmse = JSON.readTree(project.resolve("data/08_reporting/metrics.json").toFile())
        .get("values").get("rmse").asDouble();
    double pyRmse = JSON.readTree(python(script(), project.toString(), "target", "regression"))
        .get("rmse").asDouble();
    System.out.printf("diabetes, 88 test rows: Kiln RMSE %.2f; Python XGBoost RMSE %.2f%n",
        kilnRmse, pyRmse);
    assertThat(kilnRmse).isLessThanOrEqualTo(pyRmse * 1.1);
  }

  @Test
  void badTargets_areClearErrors_withExitCode2() throws Exception {
    Path csv = work.resolve("t.csv");
    Files.writeString(csv, "a,b,same,word\n1,0,7,x\n2,1,7,y\n3,0,7,x\n");
    String dir = work.toString();
    assertThat(kiln("new", "p", "--dir", dir, "--from", csv.toString(), "--target", "bb"))
        .isEqualTo(2);
    assertThat(err).contains("'t.csv': target column 'bb' is not in the data")
        .contains("did you mean 'b'?");
    assertThat(kiln("new", "p", "--dir", dir, "--from", csv.toString(), "--target", "same"))
        .isEqualTo(2);
    assertThat(err).contains("target 'same' has one class ('7')");
    assertThat(kiln("new", "p", "--dir", dir, "--from", csv.toString(), "--target", "same",
        "--task", "regression")).isEqualTo(2);
    assertThat(err).contains("target column 'same' has the same value ('7') in every row");
    assertThat(kiln("new", "p", "--dir", dir, "--from", csv.toString(), "--target", "word",
        "--task", "regression")).isEqualTo(2);
    assertThat(err).contains("regression target 'word' holds text (e.g. 'x'), not numbers");
    assertThat(work.resolve("p")).doesNotExist();
  }

  @Test
  void badTargetFoundDuringTheRun_failsTheNodeWithExitCode2() throws Exception {
    StringBuilder rows = new StringBuilder("a,b,label\n");
    for (int i = 0; i < 60; i++) {
      rows.append(i).append(',').append(i % 7).append(',').append(i % 2).append('\n');
    }
    Path csv = work.resolve("rows.csv");
    Files.writeString(csv, rows);
    assertThat(kiln("new", "p", "--dir", work.toString(), "--from", csv.toString(), "--target",
        "label")).isZero();
    String project = work.resolve("p").toString();
    assertThat(kiln("run", "--project", project, "--params", "train.target=lable"))
        .as("bad input: exit 2, not 1 (a failed run)").isEqualTo(2);
    assertThat(err).contains("Node 'train' (").contains("pipelines.yml:")
        .contains("target column 'lable' is not in the data").contains("did you mean 'label'?")
        .doesNotContain("\tat ");
    assertThat(kiln("run", "--project", project)).isZero();
  }

  private Path script() throws Exception {
    Path file = work.resolve("sklearn_xgboost.py");
    if (!Files.exists(file)) {
      try (var in = getClass().getResourceAsStream("/sklearn_xgboost.py")) {
        Files.write(file, in.readAllBytes());
      }
    }
    return file;
  }

  private String python(Path script, String... args) throws Exception {
    String[] all = new String[args.length + 1];
    all[0] = script.toString();
    System.arraycopy(args, 0, all, 1, args.length);
    return python(all);
  }

  private static void assertServes(Path project, String name) throws Exception {
    Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-cp", System.getProperty("java.class.path"), "dev.kiln.cli.Main", "serve",
        project.resolve("data/06_models/bundle").toString(), "--port", "0", "--no-log")
        .redirectErrorStream(true).start();
    try {
      BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(),
          StandardCharsets.UTF_8));
      Matcher m = null;
      for (String line; (line = lines.readLine()) != null; ) {
        m = Pattern.compile("Listening on http://[^:]+:(\\d+)").matcher(line);
        if (m.find()) {
          break;
        }
      }
      assertThat(m).isNotNull();
      List<String> test = Files.readAllLines(project.resolve("data/05_model_input/test.csv"));
      String[] header = test.get(0).split(",");
      String[] row = test.get(1).split(",");
      StringBuilder record = new StringBuilder("{");
      for (int i = 0; i < header.length; i++) {
        if (!header[i].equals("target")) {
          record.append(record.length() > 1 ? "," : "").append('"').append(header[i])
              .append("\":").append(row[i]);
        }
      }
      String body = "{\"instances\": [" + record + "}]}";
      HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + m.group(1) + "/v1/models/" + name + ":predict"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      assertThat(answer.body()).contains("probability");
    } finally {
      server.destroy();
      server.waitFor(30, TimeUnit.SECONDS);
    }
  }
}
