package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.lifecycle.monitor.PredictionLogReader;
import dev.kiln.ml.bundle.ModelBundle;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kiln serve NAME@champion} as a real process: serves the registered fraud model, picks
 * up a promotion, and on SIGTERM drains and closes its prediction log.
 */
class ServeCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LISTENING = Pattern.compile("Listening on http://[^:]+:(\\d+)");

  @TempDir static Path work;
  static Path project;

  @BeforeAll
  static void registerFraudModel() throws Exception {
    project = work.resolve("fraud");
    ProjectCopies.copy(Path.of("..", "examples", "fraud-detection").toAbsolutePath().normalize(),
        project);
    String p = project.toString();
    Path kilnYml = project.resolve("conf/base/kiln.yml");
    Files.writeString(kilnYml, Files.readString(kilnYml)
        + "\nserve: {host: 127.0.0.1, port: 0}   # the server's address from configuration\n");
    ModelsCommandTest.kiln(0, "run", "--project", p, "--params", "raw_data.rows=20000");
    ModelsCommandTest.kiln(0, "models", "register",
        project.resolve("data/06_models/bundle").toString(), "--project", p);
    ModelsCommandTest.kiln(0, "models", "promote", "fraud-detection", "1", "--project", p);
  }

  @Test
  void serves_the_champion_reloads_on_promotion_and_drains_on_sigterm() throws Exception {
    Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "--add-opens=java.base/java.nio=ALL-UNNAMED", "-cp",
        System.getProperty("java.class.path"), "dev.kiln.cli.Main", "serve",
        "fraud-detection@champion", "--project", project.toString(), "--reload-interval",
        "200ms").redirectErrorStream(true).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(),
          StandardCharsets.UTF_8));
      int port = -1;
      StringBuilder seen = new StringBuilder();
      for (String line; port < 0 && (line = out.readLine()) != null; ) {
        seen.append(line).append('\n');
        Matcher m = LISTENING.matcher(line);
        if (m.find()) {
          port = Integer.parseInt(m.group(1));
        }
      }
      assertThat(port).as(seen.toString()).isPositive();
      assertThat(seen).contains("Serving fraud-detection version 1 (micro-batching o")
          .as("host and port from kiln.yml").contains("Listening on http://127.0.0.1:");
      Thread rest = new Thread(() -> out.lines().forEach(l -> {
        synchronized (seen) {
          seen.append(l).append('\n');
        }
      }));
      rest.setDaemon(true);
      rest.start();
      assertThat(port).isNotEqualTo(8080);
      String base = "http://127.0.0.1:" + port;
      HttpClient http = HttpClient.newHttpClient();
      String body = JSON.writeValueAsString(JSON.createObjectNode().set("instances",
          JSON.createArrayNode().add(typicalRow(http, base))));

      HttpResponse<String> first = post(http, base, body);
      assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
      assertThat(first.headers().firstValue("X-Model-Version")).contains("1");
      double p = JSON.readTree(first.body()).get("predictions").get(0).get("probability")
          .asDouble();
      assertThat(p).isBetween(0.0, 1.0);

      String proj = project.toString();
      ModelsCommandTest.kiln(0, "models", "register",
          project.resolve("data/06_models/bundle").toString(), "--project", proj);
      ModelsCommandTest.kiln(0, "models", "promote", "fraud-detection", "2", "--project", proj);
      String version = "1";
      long deadline = System.currentTimeMillis() + 20_000;
      while (!version.equals("2") && System.currentTimeMillis() < deadline) {
        Thread.sleep(100);
        version = post(http, base, body).headers().firstValue("X-Model-Version").orElse("?");
      }
      assertThat(version).isEqualTo("2");
      while (!logged(seen, "now serves version 2") && System.currentTimeMillis() < deadline) {
        Thread.sleep(50);
      }
      assertThat(logged(seen, "INFO dev.kiln.serving.ModelSlot - Model 'fraud-detection' now"
          + " serves version 2 (micro-batching o")).as(seen.toString()).isTrue();
      assertThat(get(http, base + "/metrics").body())
          .contains("kiln_requests_total{code=\"200\",model=\"fraud-detection\"");
    } finally {
      server.destroy();
      assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    List<Path> logs;
    try (Stream<Path> files = Files.list(project.resolve(".kiln/predictions"))) {
      logs = files.toList();
    }
    assertThat(logs).as("every log file is closed and renamed on shutdown")
        .allMatch(f -> f.toString().endsWith(".kpl")).isNotEmpty();
    PredictionLogReader.Result logged = new PredictionLogReader(
        project.resolve(".kiln/predictions"), PredictionLogReader.DEFAULT_ROLES)
        .readAll(ModelBundle.load(project.resolve("data/06_models/bundle")).manifest(), null);
    assertThat(logged.skipped()).isEmpty();
    assertThat(logged.rows().rowCount()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void host_defaultsToLoopback() {
    ServeCommand serve = new ServeCommand();
    new picocli.CommandLine(serve).parseArgs("fraud-detection@champion");
    assertThat(serve.host).isEqualTo("127.0.0.1");
  }

  @Test
  void allInterfacesWithoutToken_servesButWarnsNamingTheFix() throws Exception {
    try (KilnProcess kiln = KilnProcess.start(java.util.Map.of(), "serve",
        "fraud-detection@champion", "--project", project.toString(), "--host", "0.0.0.0",
        "--no-log")) {
      kiln.awaitLine("Listening on http://0.0.0.0:");
      assertThat(kiln.awaitLine("Warning")).contains("anyone who can reach 0.0.0.0:",
          "--token-env VAR");
    }
  }

  @Test
  void bad_options_are_named() {
    assertThat(ModelsCommandTest.kiln(2, "serve", "fraud-detection@champion", "--project",
        project.toString(), "--canary", "fraud-detection@champion=150"))
        .contains("Canary percent '150'");
    assertThat(ModelsCommandTest.kiln(2, "serve", "fraud-detection@nope", "--project",
        project.toString())).contains("nope");
    assertThat(ModelsCommandTest.kiln(2, "serve", "fraud-detection@champion", "--project",
        project.toString(), "--token-env", "KILN_TEST_UNSET_VARIABLE"))
        .contains("KILN_TEST_UNSET_VARIABLE");
  }

  @Test
  void a_port_in_use_and_a_mistyped_bundle_path_are_user_errors() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      String port = Integer.toString(taken.getLocalPort());
      assertThat(ModelsCommandTest.kiln(2, "serve", "fraud-detection@champion", "--project",
          project.toString(), "--port", port)).contains("Error: Port " + port + " is already in"
          + " use on 127.0.0.1").contains("Hint:").contains("--port 0")
          .doesNotContain("Unexpected").doesNotContain("JavalinBindException");
      assertThat(ModelsCommandTest.kiln(2, "tracking", "serve", "--project",
          project.toString(), "--port", port)).contains("Port " + port + " is already in use")
          .doesNotContain("Unexpected");
    }
    Path typo = work.resolve("bundel");
    assertThat(ModelsCommandTest.kiln(2, "serve", typo.toString(), "--project",
        work.toString())).contains("No bundle at '" + typo + "'")
        .doesNotContain("is not a Kiln project:");
  }

  private static boolean logged(StringBuilder seen, String text) {
    synchronized (seen) {
      return seen.indexOf(text) >= 0;
    }
  }

  /** A row of the model's input schema: zeros, or the first category. */
  private static JsonNode typicalRow(HttpClient http, String base) throws Exception {
    JsonNode meta = JSON.readTree(get(http, base + "/v2/models/fraud-detection").body());
    ObjectNode row = JSON.createObjectNode();
    for (JsonNode input : meta.get("inputs")) {
      if (input.get("datatype").asText().equals("BYTES")) {
        row.put(input.get("name").asText(), "a");
      } else {
        row.put(input.get("name").asText(), 0.5);
      }
    }
    return row;
  }

  private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(HttpClient http, String base, String body)
      throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(base + "/v1/models/fraud-detection:predict"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
        .build(), HttpResponse.BodyHandlers.ofString());
  }
}
