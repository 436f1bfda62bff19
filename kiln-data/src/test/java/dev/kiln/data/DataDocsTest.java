package dev.kiln.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the Java blocks of docs/data.md's Operations section in order in one JShell session, with
 * no imports but the blocks' own (and JShell's defaults), and checks that each prints what the
 * {@code text} block after it shows.
 */
class DataDocsTest {
  private static final Path DOC = Path.of("..", "docs", "data.md");
  private static final Pattern BLOCK = Pattern.compile("```(java|text|csv)\n(.*?)```",
      Pattern.DOTALL);

  @TempDir Path dir;

  @Test
  void javaBlocks_printWhatTheDocShows() throws Exception {
    String doc = Files.readString(DOC);
    doc = doc.substring(doc.indexOf("## Operations"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream console = System.out;
    int checked = 0;
    try (JShell shell = JShell.builder().executionEngine("local").build()) {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      shell.addToClasspath(System.getProperty("java.class.path"));
      Matcher m = BLOCK.matcher(doc);
      String pending = null;
      while (m.find()) {
        String kind = m.group(1);
        String body = m.group(2);
        if (kind.equals("csv")) {
          Files.writeString(dir.resolve("cars.csv"), body);
        } else if (kind.equals("java")) {
          out.reset();
          run(shell, body.replace("data/01_raw/cars.csv", dir.resolve("cars.csv").toString()));
          pending = out.toString(StandardCharsets.UTF_8);
        } else if (pending != null) {
          assertThat(pending).as("output of the block before:\n" + body).isEqualTo(body);
          pending = null;
          checked++;
        }
      }
    } finally {
      System.setOut(console);
    }
    assertThat(checked).isGreaterThanOrEqualTo(10);
  }

  private static void run(JShell shell, String code) {
    SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
    String rest = code;
    while (!rest.isBlank()) {
      SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
      List<SnippetEvent> events = shell.eval(info.source());
      for (SnippetEvent e : events) {
        if (e.exception() != null) {
          throw new AssertionError("'" + info.source().trim() + "' threw " + e.exception());
        }
        if (e.status() == Snippet.Status.REJECTED) {
          throw new AssertionError("'" + info.source().trim() + "' does not compile: "
              + shell.diagnostics(e.snippet()).map(d -> d.getMessage(null)).toList());
        }
      }
      rest = info.remaining();
    }
  }
}
