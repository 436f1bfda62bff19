package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kiln run is tracked; kiln runs lists, shows, filters and compares them. */
class RunsCommandTest {
  private static final String[] RUN_FIELDS = {"run_id", "name", "status", "experiment_id",
      "start_time", "end_time", "params", "metrics"};

  @TempDir Path work;

  private String kiln(int expectedCode, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
    assertThat(code).as("%s%n%s", out, err).isEqualTo(expectedCode);
    return out.toString();
  }

  @Test
  void runs_areTrackedListedShownAndCompared() {
    kiln(0, "new", "demo", "--dir", work.toString());
    String project = work.resolve("demo").toString();
    kiln(0, "run", "--project", project);
    kiln(0, "run", "--project", project, "--params", "report.top_n=1", "--no-cache");
    List<String> lines = kiln(0, "runs", "list", "--project", project).lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.subList(1, 3)).allMatch(l -> l.contains("FINISHED"));
    String[] ids = lines.subList(1, 3).stream().map(l -> l.split("\\s+")[0])
        .toArray(String[]::new);
    String shown = kiln(0, "runs", "show", ids[0], "--project", project);
    assertThat(shown).contains("report.top_n").contains("summary.total_words")
        .contains("kiln.pipeline").contains("corpus").contains("xgboost.version")
        .contains("java.version")
        .contains(java.nio.file.Path.of(project, "data", "01_raw", "corpus.txt").toString());
    String compared = kiln(0, "runs", "compare", ids[0], ids[1], "--project", project);
    assertThat(compared).contains("* params.report.top_n").contains("  metrics.summary.total_words");
    String filtered = kiln(0, "runs", "list", "--project", project, "--filter",
        "params.report.top_n = '1'");
    assertThat(filtered.lines()).hasSize(2);
  }

  @Test
  void failedRun_isTrackedAsFailed() throws Exception {
    kiln(0, "new", "demo", "--dir", work.toString());
    Path project = work.resolve("demo");
    java.nio.file.Files.delete(project.resolve("data/01_raw/corpus.txt"));
    java.nio.file.Files.createDirectory(project.resolve("data/01_raw/corpus.txt"));
    kiln(1, "run", "--project", project.toString());
    assertThat(kiln(0, "runs", "list", "--project", project.toString())).contains("FAILED");
    JsonNode failed = new ObjectMapper().readTree(kiln(0, "runs", "list", "--json", "--project",
        project.toString())).get("runs").get(0);
    assertThat(failed.get("status").asText()).isEqualTo("FAILED");
    JsonNode node = new ObjectMapper().readTree(kiln(0, "runs", "show",
        failed.get("run_id").asText(), "--json", "--project", project.toString()))
        .get("failed_nodes").get(0);
    JsonSchemaDocs.assertFields(node, "runs show", "node", "error", "trace");
    assertThat(node.get("node").asText()).isEqualTo("tokenize");
    assertThat(Arrays.asList(kiln(2, "runs", "show", "nope", "--project", project.toString())))
        .isNotNull();
  }

  @Test
  void runsJson_parsesBack_andChosenMetricsAreColumns() throws Exception {
    kiln(0, "new", "demo", "--dir", work.toString());
    String project = work.resolve("demo").toString();
    kiln(0, "run", "--project", project);
    ObjectMapper json = new ObjectMapper();
    JsonNode runs = json.readTree(kiln(0, "runs", "list", "--json", "--project", project));
    assertThat(runs.get("runs")).hasSize(1);
    JsonNode run = runs.get("runs").get(0);
    JsonSchemaDocs.assertFields(runs, "runs list", "runs");
    JsonSchemaDocs.assertFields(run, "runs list", RUN_FIELDS);
    assertThat(run.get("status").asText()).isEqualTo("FINISHED");
    assertThat(run.get("metrics").get("summary.total_words").asDouble()).isPositive();
    assertThat(java.time.Instant.parse(run.get("start_time").asText())).isNotNull();
    JsonNode shown = json.readTree(kiln(0, "runs", "show", run.get("run_id").asText(),
        "--json", "--project", project));
    assertThat(shown.get("params").has("report.top_n")).isTrue();
    assertThat(shown.get("datasets").get(0).get("location").asText()).isNotEmpty();
    assertThat(shown.get("failed_nodes")).isEmpty();
    List<String> showFields = new java.util.ArrayList<>(List.of(RUN_FIELDS));
    showFields.addAll(List.of("tags", "datasets", "failed_nodes"));
    JsonSchemaDocs.assertExactly(shown, "runs show", showFields.toArray(String[]::new));
    JsonSchemaDocs.assertDocumented("runs show", "runs list", "tags", "datasets",
        "failed_nodes");
    JsonSchemaDocs.assertFields(shown.get("datasets").get(0), "runs show", "name", "location",
        "content_hash", "rows");
    List<String> table = kiln(0, "runs", "list", "--metrics", "summary.total_words",
        "--project", project).lines().toList();
    assertThat(table.get(0)).contains("SUMMARY.TOTAL_WORDS");
    assertThat(table.get(1)).containsPattern(String.format(java.util.Locale.ROOT, "%.4f",
        run.get("metrics").get("summary.total_words").asDouble()));
  }
}
