package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.data.Frame;
import dev.kiln.data.io.CsvOptions;
import dev.kiln.data.io.FrameReader;
import dev.kiln.ml.metrics.RegressionMetrics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The used-car example end to end through the CLI, on reduced row counts: generate the batches,
 * refuse batch 2 under the strict schema, quarantine its defective rows under the lenient one,
 * train on batch 1, and score the drifted batch 3 with the bundle.
 */
class UsedCarExampleTest {
  private static final Path EXAMPLE = Path.of("..", "examples", "used-car-prices")
      .toAbsolutePath().normalize();
  private static final String SMALL = "generate.batch1.rows=20000,generate.batch2.rows=4000,"
      + "generate.batch3.rows=4000";

  @TempDir Path work;

  @Test
  void example_generatesValidatesTrainsAndPredicts() throws Exception {
    Path project = work.resolve("used-car-prices");
    ProjectCopies.copy(EXAMPLE, project);
    String dir = project.toString();

    run(0, "run", "--project", dir, "--pipeline", "generate", "--params", SMALL);
    assertThat(Files.readAllLines(project.resolve("data/01_raw/cars_batch1.csv"))).hasSize(20_001);

    Result strict = run(1, "run", "--project", dir, "--env", "batch2", "--pipeline", "validate");
    assertThat(strict.err()).contains("Validation failed: max on 'year'")
        .contains("categories on 'fuel'").contains("nullable on 'price'")
        .contains("The report is data/08_reporting/validation.json");
    JsonNode report = json(project.resolve("data/08_reporting/validation.json"));
    assertThat(report.get("passed").asBoolean()).isFalse();

    run(0, "run", "--project", dir, "--env", "batch2", "--pipeline", "data_processing",
        "--params", "validation.policy=lenient");
    Frame quarantined = FrameReader.csv(project.resolve("data/02_intermediate/quarantined.csv"),
        CsvOptions.defaults());
    assertThat(ids(quarantined)).isEqualTo(injectedIds(project));
    assertThat(quarantined.columnNames()).contains("_reasons");

    run(0, "run", "--project", dir);
    double holdoutR2 = json(project.resolve("data/08_reporting/metrics.json")).get("values")
        .get("r2").asDouble();
    assertThat(holdoutR2).as("measured 0.97 on these rows").isGreaterThan(0.93);

    Path scored = work.resolve("batch3_scored.parquet");
    run(0, "predict", project.resolve("data/06_models/bundle").toString(), "--input",
        project.resolve("data/01_raw/cars_batch3.csv").toString(), "--output", scored.toString());
    Frame batch3 = FrameReader.parquet(scored);
    assertThat(batch3.rowCount()).isEqualTo(4000);
    double driftedR2 = RegressionMetrics.of(batch3.column("price").toDoubleArray(),
        batch3.column("prediction").toDoubleArray()).r2();
    assertThat(driftedR2).as("the model decays on the drifted market")
        .isLessThan(holdoutR2 - 0.02);
    assertServedLikeBatchScoring(project.resolve("data/06_models/bundle"), batch3);
  }

  /**
   * The bundle takes the raw listing: a row sent alone over HTTP (text, integers, a missing
   * engine size as null) gets the price {@code kiln predict} gave it in the batch, to 1e-9.
   */
  private static void assertServedLikeBatchScoring(Path bundle, Frame scored) throws Exception {
    List<String> inputs = new java.util.ArrayList<>(scored.columnNames());
    inputs.removeAll(List.of("listing_id", "price", "prediction"));
    assertThat(inputs).contains("year", "make", "engine_size_l");
    int missing = 0;
    try (ServedBundle served = new ServedBundle(bundle, "used-car-prices")) {
      for (int r = 0; r < scored.rowCount(); r++) {
        boolean noEngine = scored.column("engine_size_l").isNull(r);
        if (!noEngine && r % 40 != 0) {
          continue;
        }
        missing += noEngine ? 1 : 0;
        assertThat(served.predictRow(scored, inputs, r, "prediction")).as("row %d", r)
            .isCloseTo(scored.column("prediction").getDouble(r), within(1e-9));
      }
    }
    assertThat(missing).as("rows without an engine size were sent too").isPositive();
  }

  /**
   * Runs the README's commands in order at full size, with paths in the work folder; a command
   * whose comment says "exit 1" must exit with 1.
   */
  @Test
  void readmeCommands_runInOrder() throws Exception {
    ProjectCopies.copy(EXAMPLE, work.resolve("examples/used-car-prices"));
    List<String> lines = readmeCommandLines();
    assertThat(lines).hasSizeGreaterThanOrEqualTo(6);
    for (String line : lines) {
      List<String> args = DocsCommandsTest.words(line.replaceAll("\\s+#.*$", ""));
      args.remove(0);
      args.replaceAll(a -> !a.startsWith("-") && (a.contains("/") || a.endsWith(".csv"))
          ? work.resolve(a).toString() : a);
      run(line.contains("exit 1") ? 1 : 0, args.toArray(String[]::new));
    }
    assertThat(FrameReader.csv(work.resolve("batch3_predictions.csv"), CsvOptions.defaults())
        .columnNames()).contains("listing_id", "price", "prediction");
  }

  private static List<String> readmeCommandLines() throws Exception {
    List<String> commands = new java.util.ArrayList<>();
    boolean inBash = false;
    for (String line : Files.readAllLines(EXAMPLE.resolve("README.md"))) {
      if (line.startsWith("```")) {
        inBash = !inBash && line.trim().equals("```bash");
      } else if (inBash && line.startsWith("./kiln ")) {
        commands.add(line);
      }
    }
    return commands;
  }

  private static Set<Long> injectedIds(Path project) throws Exception {
    JsonNode generation = json(project.resolve("data/01_raw/cars_batch2_generation.json"));
    Set<Long> ids = new HashSet<>();
    generation.get("injected").forEach(kind -> kind.forEach(id -> ids.add(id.asLong())));
    assertThat(ids).isNotEmpty().hasSize(generation.get("bad_rows").asInt());
    return ids;
  }

  private static Set<Long> ids(Frame frame) {
    Set<Long> ids = new HashSet<>();
    for (int i = 0; i < frame.rowCount(); i++) {
      ids.add((long) frame.column("listing_id").getDouble(i));
    }
    return ids;
  }

  private static JsonNode json(Path file) throws Exception {
    return new ObjectMapper().readTree(file.toFile());
  }

  private static Result run(int expectedCode, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
    assertThat(code).as("exit code of %s; stdout:%n%s%nstderr:%n%s", List.of(args), out, err)
        .isEqualTo(expectedCode);
    return new Result(out.toString(), err.toString());
  }

  private record Result(String out, String err) {}
}
