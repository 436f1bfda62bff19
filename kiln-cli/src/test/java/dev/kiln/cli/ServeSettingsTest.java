package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.config.ConfigException;
import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import dev.kiln.ml.Task;
import dev.kiln.ml.TrainingData;
import dev.kiln.ml.bundle.BundleSpec;
import dev.kiln.ml.bundle.ModelBundle;
import dev.kiln.ml.linear.LinearEstimator;
import dev.kiln.ml.preprocess.FittedPreprocessor;
import dev.kiln.serving.LogFormat;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code kiln serve}'s settings from the project's {@code kiln.yml} section {@code serve}. */
class ServeSettingsTest {
  @TempDir Path work;

  private Path project(String serveSection) throws Exception {
    Path project = work.resolve("project");
    Files.createDirectories(project.resolve("conf/base"));
    Files.writeString(project.resolve("conf/base/kiln.yml"), "name: demo\nserve: "
        + serveSection + "\n");
    return project;
  }

  private static ServeCommand parse(Path project, String... options) {
    ServeCommand serve = new ServeCommand();
    CommandLine line = new CommandLine(serve);
    List<String> args = new java.util.ArrayList<>(List.of("demo@champion", "--project",
        project.toString()));
    args.addAll(List.of(options));
    line.parseArgs(args.toArray(String[]::new));
    ServeSettings.apply(serve, line.getParseResult());
    return serve;
  }

  @Test
  void logFormat_fromKilnYml_isUsed_unlessTheFlagIsGiven() throws Exception {
    Path project = project("{log_format: json, port: 9123}");
    assertThat(parse(project).options.logFormat).isEqualTo(LogFormat.JSON);
    assertThat(parse(project).port).isEqualTo(9123);
    assertThat(parse(project, "--log-format", "binary").options.logFormat)
        .isEqualTo(LogFormat.BINARY);
    assertThat(parse(project("{log_format: JSON}")).options.logFormat).isEqualTo(LogFormat.JSON);
  }

  @Test
  void logFormat_defaultsToBinary() throws Exception {
    assertThat(parse(project("{port: 9123}")).options.logFormat).isEqualTo(LogFormat.BINARY);
  }

  @Test
  void logFormat_badValue_namesTheKeyAndTheAllowedValues() throws Exception {
    Path project = project("{log_format: xml}");
    assertThatThrownBy(() -> parse(project)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("kiln.yml: serve.log_format is 'xml'")
        .hasMessageContaining("use binary or json");
    assertThat(ModelsCommandTest.kiln(2, "serve", "demo@champion", "--project",
        project.toString())).contains("serve.log_format is 'xml', not a prediction log format")
        .contains("Hint: e.g. 'serve: {log_format: json}'").doesNotContain("Exception");
  }

  @Test
  void unknownSetting_isNamed_withTheClosestKey() throws Exception {
    Path project = project("{log-format: json}");
    assertThatThrownBy(() -> parse(project)).isInstanceOf(ConfigException.class)
        .hasMessage("kiln.yml: 'serve.log-format' is not a serve setting.");
    assertThat(ModelsCommandTest.kiln(2, "serve", "demo@champion", "--project",
        project.toString())).contains("'serve.log-format' is not a serve setting.")
        .contains("Hint: did you mean 'log_format'? the settings are host, port, threads,"
            + " log_format");
  }

  @Test
  void serve_writesTheLogInTheFormatOfKilnYml() throws Exception {
    Path project = project("{log_format: json, host: 127.0.0.1, port: 0}");
    Path bundle = work.resolve("bundle");
    Frame train = Frame.of(DoubleColumn.of("x", new double[] {0, 1, 2, 3, 4, 5}),
        DoubleColumn.of("y", new double[] {0, 0, 1, 0, 1, 1}));
    ModelBundle.write(BundleSpec.builder("demo", "1").model(new LinearEstimator(
        Task.BINARY_CLASSIFICATION, 1.0, 100).fit(TrainingData.of(train, "y"), null),
        new FittedPreprocessor(List.of())).trainedOn(train, "y").build(), bundle);
    Path logs = work.resolve("logs");
    try (KilnProcess kiln = KilnProcess.start(Map.of(), "serve", bundle.toString(), "--project",
        project.toString(), "--log-dir", logs.toString())) {
      Matcher port = Pattern.compile("Listening on http://127.0.0.1:(\\d+)")
          .matcher(kiln.awaitLine("Listening on"));
      assertThat(port.find()).isTrue();
      HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + port.group(1) + "/v1/models/demo:predict"))
          .POST(HttpRequest.BodyPublishers.ofString("{\"instances\": [{\"x\": 2.5}]}"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      long deadline = System.nanoTime() + 30_000_000_000L;
      List<String> files = List.of();
      while (files.stream().noneMatch(f -> f.contains(".jsonl")) && System.nanoTime() < deadline) {
        Thread.sleep(50);
        try (Stream<Path> listed = Files.exists(logs) ? Files.list(logs) : Stream.empty()) {
          files = listed.map(f -> f.getFileName().toString()).toList();
        }
      }
      assertThat(files).as("the prediction log is JSON lines, as kiln.yml says")
          .anyMatch(f -> f.contains(".jsonl")).noneMatch(f -> f.contains(".kpl"));
    }
  }
}
