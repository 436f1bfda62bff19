package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every {@code ./kiln ...} command of the README and docs' {@code bash} blocks, in order, in
 * a fresh folder, so the documentation cannot rot. Commands use the sample project {@code hello}
 * that the README's first command creates.
 */
class DocsCommandsTest {
  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

  @TempDir Path work;

  @TestFactory
  Stream<DynamicTest> documentedCommands_run_exitZero() throws IOException {
    List<String> commands = new ArrayList<>();
    commands.addAll(kilnCommands(REPO.resolve("README.md")));
    try (Stream<Path> docs = Files.list(REPO.resolve("docs"))) {
      for (Path doc : docs.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
        commands.addAll(kilnCommands(doc));
      }
    }
    assertThat(commands).isNotEmpty();
    return commands.stream().map(c -> DynamicTest.dynamicTest(c, () -> run(c)));
  }

  private void run(String command) throws IOException {
    List<String> args = words(command.trim());
    args.remove(0);
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).equals("--project")) {
        args.set(i + 1, projectDir(args.get(i + 1)).toString());
        i++;
      } else if (isPath(args.get(i))) {
        args.set(i, work.resolve(args.get(i)).toString());
      }
    }
    if (args.get(0).equals("new")) {
      args.addAll(List.of("--dir", work.toString()));
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
    assertThat(code).as("exit code of '%s'; stdout:%n%s%nstderr:%n%s", command, out, err)
        .isZero();
  }

  /** Splits a command line into words as a shell does for plain and double-quoted words. */
  static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (char c : line.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
        any = true;
      } else if (Character.isWhitespace(c) && !quoted) {
        if (any) {
          words.add(word.toString());
          word.setLength(0);
          any = false;
        }
      } else {
        word.append(c);
        any = true;
      }
    }
    if (any) {
      words.add(word.toString());
    }
    return words;
  }

  /** Paths in commands are relative to the folder the README's commands run in. */
  private static boolean isPath(String arg) {
    return !arg.startsWith("-")
        && (arg.contains("/") || arg.matches(".*\\.(csv|parquet|jsonl|json|zip|yml|html)"));
  }

  /** Returns a project folder in the work folder; projects of the repository are copied there. */
  private Path projectDir(String name) throws IOException {
    Path target = work.resolve(name);
    Path source = REPO.resolve(name);
    if (!Files.exists(target) && Files.isDirectory(source.resolve("conf"))) {
      ProjectCopies.copy(source, target);
    }
    return target;
  }

  /** Returns the {@code ./kiln} commands of a Markdown file's bash blocks, split at {@code &&}. */
  static List<String> kilnCommands(Path markdown) throws IOException {
    List<String> commands = new ArrayList<>();
    boolean inBash = false;
    for (String line : Files.readAllLines(markdown)) {
      if (line.startsWith("```")) {
        inBash = !inBash && line.trim().equals("```bash");
        continue;
      }
      if (!inBash) {
        continue;
      }
      String code = line.replaceAll("\\s+#.*$", "");
      for (String part : code.split("&&")) {
        if (part.trim().startsWith("./kiln ")) {
          commands.add(part.trim());
        }
      }
    }
    return commands;
  }
}
