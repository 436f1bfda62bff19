package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.kiln.lifecycle.monitor.DecayCheck;
import dev.kiln.lifecycle.monitor.DriftCheck;
import dev.kiln.lifecycle.monitor.MonitorReport;
import dev.kiln.quality.drift.ColumnDrift;
import dev.kiln.quality.drift.DriftReport;
import dev.kiln.serving.ServingMetrics;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Continuous training on the used-car example: the first model is promoted on the floor alone,
 * a challenger trained on the drifted batch beats the champion on that batch's holdout and is
 * promoted, an impossible floor refuses a challenger (exit 4, champion unchanged), a failing
 * gate registers nothing, and the guard rolls the champion back when the server's 5xx rate
 * crosses the threshold.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RetrainCommandTest {
  private static final String SMALL = "generate.batch1.rows=8000,generate.batch2.rows=2000,"
      + "generate.batch3.rows=4000";

  @TempDir static Path work;
  static Path project;

  @BeforeAll
  static void generate() throws Exception {
    project = work.resolve("used-car-prices");
    ProjectCopies.copy(Path.of("..", "examples", "used-car-prices").toAbsolutePath().normalize(),
        project);
    ModelsCommandTest.kiln(0, "run", "--project", project.toString(), "--pipeline", "generate",
        "--params", SMALL);
  }

  private static String kiln(int code, String... args) {
    return ModelsCommandTest.kiln(code, args);
  }

  @Test
  @Order(1)
  void first_model_is_promoted_then_a_better_challenger_replaces_it() {
    String p = project.toString();
    String first = kiln(0, "retrain", "--project", p);
    assertThat(first).contains("Challenger used-car-prices version 1: rmse")
        .contains("no champion yet").contains("passed floor")
        .contains("Promoted: used-car-prices@champion -> version 1");

    String second = kiln(0, "retrain", "--project", p, "--env", "batch3");
    assertThat(second).contains("version 2").contains("champion version 1 on the same holdout")
        .contains("passed rmse").contains("Promoted: used-car-prices@champion -> version 2");
    assertThat(kiln(0, "models", "alias", "used-car-prices", "champion", "--project", p))
        .contains("1 -> 2");
    assertThat(kiln(0, "models", "show", "used-car-prices", "--project", p))
        .containsPattern("versions +2\n").contains("challenger=v2, champion=v2")
        .containsPattern("latest kiln.blessed +true")
        .containsPattern("latest metric\\.rmse +\\d");
    String pipelineRun = second.substring(second.indexOf("Tracked as runs ") + 16).split(" ")[0];
    assertThat(kiln(0, "runs", "show", pipelineRun, "--project", p))
        .as("lineage: location and row count of the data read")
        .containsPattern("cars .*  4,000  .*cars_batch3\\.csv");
    assertThat(kiln(0, "runs", "list", "--project", p).lines()
        .filter(l -> l.contains("FINISHED") && l.endsWith("retrain used-car-prices")))
        .as("two tracked decisions").hasSize(2);
  }

  @Test
  @Order(2)
  void an_impossible_floor_refuses_the_challenger_and_keeps_the_champion() throws Exception {
    Path kilnYml = project.resolve("conf/base/kiln.yml");
    String original = Files.readString(kilnYml);
    Files.writeString(kilnYml, original.replace("floor: 4000", "floor: 10"));
    try {
      String refused = kiln(Main.CHECK_FAILED, "retrain", "--project", project.toString(),
          "--env", "batch3");
      assertThat(refused).contains("FAILED floor: rmse").contains("must be <= 10")
          .contains("Refused: used-car-prices@challenger -> version 3")
          .contains("the champion is unchanged");
      assertThat(kiln(0, "models", "alias", "used-car-prices", "champion", "--project",
          project.toString()).lines().toList().get(1)).contains("1 -> 2");
    } finally {
      Files.writeString(kilnYml, original);
    }
  }

  @Test
  @Order(3)
  void a_failing_validation_gate_registers_nothing() {
    String out = kiln(Main.RUN_FAILED, "retrain", "--project", project.toString(), "--env",
        "batch2");
    assertThat(out).contains("Validation failed").contains("nothing was registered");
    assertThat(kiln(0, "models", "versions", "used-car-prices", "--project",
        project.toString()).lines()).as("header and the three versions of the earlier steps").hasSize(4);
  }

  @Test
  @Order(4)
  void guard_rolls_the_champion_back_when_its_error_rate_crosses_the_threshold()
      throws Exception {
    ServingMetrics metrics = new ServingMetrics();
    AtomicInteger scrapes = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/metrics", exchange -> {
      // Between the two scrapes the server answers 100 requests of version 2, 20 with a 500.
      if (scrapes.getAndIncrement() == 1) {
        for (int i = 0; i < 100; i++) {
          metrics.request("used-car-prices", "2", "native", i < 20 ? 500 : 200, 1_000_000);
        }
      }
      byte[] body = metrics.scrape().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort();
      String out = kiln(Main.CHECK_FAILED, "models", "guard", "used-car-prices", "--project",
          project.toString(), "--server", url, "--window", "100ms", "--max-error-rate", "0.05");
      assertThat(out).contains("Rolled back used-car-prices@champion from version 2 to 1")
          .contains("error rate 20.0% > 5.0% (20 of 100 requests answered 5xx)");
      String healthy = kiln(0, "models", "guard", "used-car-prices", "--project",
          project.toString(), "--server", url, "--window", "100ms", "--min-requests", "0");
      assertThat(healthy).contains("version 1 healthy");
    } finally {
      server.stop(0);
    }
  }

  @Test
  @Order(5)
  void a_run_registers_the_bundles_kiln_yml_names() throws Exception {
    Path kilnYml = project.resolve("conf/base/kiln.yml");
    String original = Files.readString(kilnYml);
    Files.writeString(kilnYml, original + "\nregister:\n  model_bundle: used-car-prices\n");
    try {
      String out = kiln(0, "run", "--project", project.toString(), "--no-cache");
      assertThat(out).contains("Registered used-car-prices version 4 from model_bundle");
      String runId = out.substring(out.indexOf("Tracked as run ") + 15).split(" ")[0];
      assertThat(kiln(0, "models", "versions", "used-car-prices", "--project",
          project.toString()).lines().filter(l -> l.startsWith("4 "))).singleElement()
          .asString().contains(runId);
    } finally {
      Files.writeString(kilnYml, original);
    }
  }

  @Test
  @Order(6)
  void guard_rolls_back_on_decay_reported_after_the_promotion() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    ServingMetrics quiet = new ServingMetrics();
    server.createContext("/metrics", exchange -> {
      byte[] body = quiet.scrape().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    Path latest = project.resolve(".kiln/monitoring/used-car-prices/latest.json");
    Files.createDirectories(latest.getParent());
    String url = "http://127.0.0.1:" + server.getAddress().getPort();
    try {
      Files.writeString(latest, decayedReport("2020-01-01T00:00:00Z"));
      assertThat(kiln(0, "models", "guard", "used-car-prices", "--project", project.toString(),
          "--server", url, "--window", "10ms", "--on-decay")).as("a report older than the"
          + " promotion judged another version").contains("healthy");
      Files.writeString(latest, decayedReport(java.time.Instant.now().toString()));
      assertThat(kiln(Main.CHECK_FAILED, "models", "guard", "used-car-prices", "--project",
          project.toString(), "--server", url, "--window", "10ms", "--on-decay"))
          .contains("Rolled back used-car-prices@champion from version 1")
          .contains("label-based decay in the monitoring report");
    } finally {
      server.stop(0);
    }
  }

  /** A monitoring report of used-car-prices with no drift and one decayed window. */
  private static String decayedReport(String createdAt) {
    return new MonitorReport("used-car-prices", "1", createdAt, "prediction log", 100, 100,
        new DriftCheck.Result(new DriftReport(List.of(new ColumnDrift("mileage", "wasserstein~",
            0.01, 0.1, false)), 0, 0.5, false), null), List.of(new DecayCheck.Window(
                java.time.Instant.parse("2020-01-01T00:00:00Z"), 50, "rmse", 2000.0, 1000.0,
                true))).toJson();
  }
}
