package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kiln shell} on the project {@code kiln new} writes, in its own JVM with lines piped to its
 * standard input, as {@code echo ... | kiln shell} does (JShell reads the real standard input).
 */
class ShellCommandTest {
  @TempDir Path work;
  private Path project;
  private String out;

  @BeforeEach
  void newProject() {
    StringWriter o = new StringWriter();
    assertThat(Main.execute(new String[] {"new", "hello", "--dir", work.toString()},
        new PrintWriter(o), new PrintWriter(o))).as(o.toString()).isZero();
    project = work.resolve("hello");
  }

  /** Runs {@code kiln shell} in a new JVM with the lines on its standard input. */
  private int shell(String typed, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "shell", "--project", project.toString()));
    command.addAll(List.of(args));
    Path output = work.resolve("shell.out");
    Process p = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(output.toFile()).start();
    p.getOutputStream().write(typed.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    boolean ended = p.waitFor(10, TimeUnit.MINUTES);
    if (!ended) {
      p.destroyForcibly();
    }
    out = Files.readString(output);
    assertThat(ended).as("shell ended; output:%n%s", out).isTrue();
    return p.exitValue();
  }

  @Test
  void shell_loadsCatalogParamsAndPipelines_andRunsAPipeline() throws Exception {
    int code = shell(String.join("\n",
        "catalog.list()",
        "params.get(\"report\")",
        "pipelines.names()",
        "pipelines.get(\"words\").nodes()",
        "String text = catalog.load(\"corpus\")",
        "text.isEmpty()",
        "var state = pipelines.get(\"__default__\").run()",
        "state.succeeded()",
        "catalog.exists(\"summary\")",
        "/exit 3", ""));
    assertThat(code).as(out).isEqualTo(3);
    assertThat(out).contains("Kiln shell: Kiln project 'hello'")
        .contains("$1 ==> [corpus, summary, word_counts]")
        .contains("$2 ==> {min_length=3, top_n=5}")
        .contains("$3 ==> [__default__, report, words]")
        .contains("$4 ==> [tokenize, count_words]")
        .contains("$6 ==> false")
        .contains("done    summarize")
        .contains("Tracked as run")
        .contains("$8 ==> true")
        .contains("$9 ==> true");
  }

  @Test
  void projectClasses_areThePipelinesOwn_andErrorsShowTheirHint() throws Exception {
    Path script = work.resolve("check.jsh");
    Files.writeString(script, String.join("\n",
        "System.out.println(\"same loader: \" + (hello.WordCounts.class.getClassLoader()"
            + " == session.project().classLoader()))",
        "var counts = new hello.WordCounts(Map.of(\"kiln\", 2))",
        "catalog.save(\"word_counts\", counts)",
        "System.out.println(\"saved: \" + catalog.load(\"word_counts\"))",
        "catalog.load(\"word_count\")",
        "pipelines.get(\"word\")",
        "/exit", ""));
    int code = shell("", script.toString());
    assertThat(code).as(out).isZero();
    assertThat(out).contains("same loader: true").contains("saved: {counts={kiln=2}}")
        .contains("Dataset 'word_count' is not in the catalog.")
        .contains("Hint: did you mean 'word_counts'?")
        .contains("Pipeline 'word' not found.").contains("Hint: did you mean 'words'?");
  }
}
