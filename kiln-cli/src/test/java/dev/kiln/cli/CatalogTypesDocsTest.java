package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.catalog.DatasetTypes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/catalog.md's type table lists exactly the dataset types kiln.jar discovers. */
class CatalogTypesDocsTest {
  @Test
  void typeTable_listsEveryDiscoveredType() throws Exception {
    String doc = Files.readString(Path.of("..", "docs", "catalog.md"));
    Set<String> documented = new TreeSet<>();
    Matcher row = Pattern.compile("(?m)^\\| `([a-z_]+)` \\| kiln-").matcher(doc);
    while (row.find()) {
      documented.add(row.group(1));
    }
    Set<String> discovered = new TreeSet<>(DatasetTypes.discover(
        getClass().getClassLoader()).names());
    assertThat(documented).isEqualTo(discovered);
  }
}
