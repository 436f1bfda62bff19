package dev.kiln.cli;

import dev.kiln.core.catalog.DataCatalog;
import dev.kiln.core.project.Project;
import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kiln catalog list}. */
@Command(name = "catalog", mixinStandardHelpOptions = true, description = "Inspect the catalog.")
final class CatalogCommand {
  @Spec CommandSpec spec;

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "List declared datasets, and the pipelines' datasets kept in memory.")
  void list(@Mixin ProjectOptions options) {
    PrintWriter out = spec.commandLine().getOut();
    Project project = options.open();
    DataCatalog catalog = project.catalog(DataCatalog.CatalogSettings.defaults(project.dir()));
    Map<String, String> rows = new TreeMap<>(catalog.describe());
    project.pipelines().values().forEach(p -> p.datasets().forEach(d -> {
      if (!rows.containsKey(d)) {
        rows.put(d, catalog.entry(d).map(e -> e.type() + " (pattern)")
            .orElse(d.startsWith("params:") || d.equals("parameters") ? "parameter" : "memory"));
      }
    }));
    int width = rows.keySet().stream().mapToInt(String::length).max().orElse(4);
    rows.forEach((name, desc) -> out.printf("%-" + width + "s  %s%n", name, desc));
  }
}
