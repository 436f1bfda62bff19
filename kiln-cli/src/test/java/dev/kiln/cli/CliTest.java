package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kiln command's output and exit codes, including every kind of bad input. */
class CliTest {
  @TempDir Path work;
  private Path project;
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

  @BeforeEach
  void newProject() {
    assertThat(kiln("new", "demo", "--dir", work.toString())).isZero();
    project = work.resolve("demo");
  }

  @Test
  void new_thenRun_producesSummaryAndCachesSecondRun() throws Exception {
    assertThat(kiln("run", "--project", project.toString())).isZero();
    assertThat(out).contains("[3/3").contains("summarize").contains("total_words");
    assertThat(Files.readString(project.resolve("data/08_reporting/summary.json")))
        .contains("distinct_words");
    assertThat(kiln("run", "--project", project.toString())).isZero();
    assertThat(out).contains("cached").contains("2 cached");
  }

  @Test
  void trackingServe_tokenEnvUnset_failsBeforeServing() {
    String unset = "KILN_TEST_UNSET_" + System.nanoTime();
    assertThat(kiln("tracking", "serve", "--project", project.toString(), "--port", "0",
        "--token-env", unset)).isEqualTo(2);
    assertThat(err).contains("Environment variable " + unset + " (from --token-env) is not set.");
  }

  @Test
  void viz_json_isParseable() throws Exception {
    assertThat(kiln("viz", "--project", project.toString(), "--format", "json")).isZero();
    var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out);
    assertThat(tree.get("nodes")).hasSize(3);
    assertThat(kiln("viz", "--project", project.toString(), "--format", "dot")).isZero();
    assertThat(out).startsWith("digraph");
  }

  @Test
  void badArgument_exit2WithUsageAndNoStackTrace() {
    assertThat(kiln("run", "--project", project.toString(), "--wokers", "2")).isEqualTo(2);
    assertThat(err).contains("--wokers").doesNotContain("\tat ");
    assertThat(kiln("run", "--project", project.toString(), "--workers", "0")).isEqualTo(2);
    assertThat(err).contains("--workers must be at least 1");
  }

  @Test
  void missingProject_exit2WithHint() {
    assertThat(kiln("run", "--project", work.resolve("nope").toString())).isEqualTo(2);
    assertThat(err).contains("is not a Kiln project").contains("Hint: run 'kiln new NAME'");
  }

  @Test
  void badYaml_exit2NamingFileAndLine() throws Exception {
    Files.writeString(project.resolve("conf/base/catalog.yml"), "corpus:\n  type: text\n bad\n");
    assertThat(kiln("run", "--project", project.toString())).isEqualTo(2);
    assertThat(err).contains("catalog.yml").contains("line 3").doesNotContain("\tat ");
  }

  @Test
  void unknownDatasetType_exit2WithSuggestion() throws Exception {
    Files.writeString(project.resolve("conf/base/catalog.yml"),
        "corpus: {type: txt, filepath: data/01_raw/corpus.txt}\n");
    assertThat(kiln("run", "--project", project.toString())).isEqualTo(2);
    assertThat(err).contains("unknown type 'txt'");
  }

  @Test
  void failingNode_exit1WithResumeCommand() throws Exception {
    Files.writeString(project.resolve("conf/base/parameters.yml"),
        "report: {min_length: 3, top_n: not-a-number}\n");
    assertThat(kiln("run", "--project", project.toString())).isEqualTo(2);
    assertThat(err).contains("parameter 'report.top_n'").contains("parameters.yml:1");
    Files.writeString(project.resolve("conf/base/parameters.yml"),
        "report: {min_length: 3, top_n: 5}\n");
    Files.delete(project.resolve("data/01_raw/corpus.txt"));
    Files.createDirectory(project.resolve("data/01_raw/corpus.txt"));
    assertThat(kiln("run", "--project", project.toString())).isEqualTo(1);
    assertThat(err).contains("Node 'tokenize' failed").contains("Nodes not run: [count_words,"
        + " summarize]").contains("--from-nodes tokenize");
  }

  @Test
  void debug_showsStackTrace() {
    assertThat(kiln("run", "--project", work.resolve("nope").toString(), "--debug"))
        .isEqualTo(2);
    assertThat(err).contains("\tat ");
  }
}
