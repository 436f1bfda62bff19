package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every Java snippet of the README, the docs and the examples shows the imports it needs. */
class JavaSnippetsDocsTest {
  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  private static JavaSnippets snippets;

  @BeforeAll
  static void index() throws Exception {
    snippets = JavaSnippets.ofClassPath();
  }

  @Test
  void docs_everySnippetImportsWhatItUses() throws Exception {
    List<Path> pages = new ArrayList<>(List.of(REPO.resolve("README.md")));
    try (Stream<Path> docs = Files.list(REPO.resolve("docs"));
        Stream<Path> examples = Files.list(REPO.resolve("examples"))) {
      docs.filter(p -> p.toString().endsWith(".md")).forEach(pages::add);
      examples.map(p -> p.resolve("README.md")).filter(Files::exists).forEach(pages::add);
    }
    List<String> problems = new ArrayList<>();
    int count = 0;
    for (Path page : pages) {
      List<String> blocks = JavaSnippets.blocks(page);
      for (int i = 0; i < blocks.size(); i++) {
        count++;
        for (String problem : snippets.problems(blocks.get(i))) {
          problems.add(REPO.relativize(page) + " java block " + (i + 1) + ": " + problem);
        }
      }
    }
    assertThat(count).as("java blocks found").isGreaterThan(20);
    assertThat(problems).isEmpty();
  }

  @Test
  void problems_missingKilnAndJdkImports_areNamed() {
    String snippet = """
        import dev.kiln.data.Frame;
        Frame f = Frame.of(StringColumn.of("a", "x"));   // Column here is only a comment
        List<String> names = f.columnNames();
        String s = "Pipeline in a string";
        """;
    assertThat(snippets.problems(snippet)).containsExactly(
        "uses List (java.util.List) without importing it",
        "uses StringColumn (dev.kiln.data.StringColumn) without importing it");
  }

  @Test
  void problems_importsThatDoNotResolve_areNamed() {
    String snippet = """
        import dev.kiln.data.Frames2;
        import static dev.kiln.core.pipeline.DatasetRef.nothing;
        import dev.kiln.nowhere.*;
        import dev.kiln.data.*;
        import java.util.List;
        List<Frame> frames = List.of();
        record Local(int x) {}
        Local l = new Local(1);
        """;
    assertThat(snippets.problems(snippet)).containsExactly(
        "imports 'dev.kiln.data.Frames2', which is not on the class path",
        "imports static 'dev.kiln.core.pipeline.DatasetRef.nothing', which"
            + " 'dev.kiln.core.pipeline.DatasetRef' does not have",
        "imports 'dev.kiln.nowhere.*', a package with no public class on the class path");
  }
}
