package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/**
 * Holds {@code --json} output to the schema of docs/cli.md: an object has exactly the fields the
 * test names, and the doc's row for the command names each of them.
 */
final class JsonSchemaDocs {
  private static final Path DOC = Path.of("..", "docs", "cli.md");

  private JsonSchemaDocs() {}

  /** Asserts that {@code node} has exactly {@code fields}, each documented in the command's row. */
  static void assertFields(JsonNode node, String command, String... fields) {
    assertExactly(node, command, fields);
    assertDocumented(command, fields);
  }

  /** Asserts that {@code node} has exactly {@code fields}. */
  static void assertExactly(JsonNode node, String command, String... fields) {
    Set<String> actual = new TreeSet<>();
    node.fieldNames().forEachRemaining(actual::add);
    assertThat(actual).as("fields of %s's JSON", command)
        .containsExactlyInAnyOrderElementsOf(Set.of(fields));
  }

  /** Asserts that docs/cli.md's row for a command names each of {@code fields}. */
  static void assertDocumented(String command, String... fields) {
    String row;
    try {
      row = Files.readAllLines(DOC).stream().filter(l -> l.startsWith("| `" + command))
          .findFirst().orElseThrow(() -> new AssertionError("docs/cli.md has no row for '"
              + command + "'"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (String field : fields) {
      assertThat(row.contains("`" + field + "`") || row.contains("\"" + field + "\""))
          .as("docs/cli.md's row for '%s' names field '%s'", command, field).isTrue();
    }
  }
}
