package dev.kiln.cli;

import dev.kiln.core.catalog.DataCatalog;
import dev.kiln.core.project.Project;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kiln catalog list}. */
@Command(name = "catalog", mixinStandardHelpOptions = true, description = "Inspect the catalog.")
final class CatalogCommand {
  @Spec CommandSpec spec;

  /** One listed dataset: its type, file (or null) and whether saves are versioned. */
  private record Row(String type, Object filepath, boolean versioned, boolean pattern) {}

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "List declared datasets, and the pipelines' datasets kept in memory.")
  void list(@Mixin ProjectOptions options, @Mixin JsonOutput json) {
    PrintWriter out = spec.commandLine().getOut();
    Project project = options.open();
    DataCatalog catalog = project.catalog(DataCatalog.CatalogSettings.defaults(project.dir()));
    Map<String, Row> rows = new TreeMap<>();
    catalog.entries().forEach((name, e) -> rows.put(name,
        new Row(e.type(), e.options().get("filepath"), e.versioned(), e.isPattern())));
    project.pipelines().values().forEach(p -> p.datasets().forEach(d -> {
      if (!rows.containsKey(d)) {
        rows.put(d, catalog.entry(d).map(e -> new Row(e.type(), null, e.versioned(), true))
            .orElse(new Row(d.startsWith("params:") || d.equals("parameters") ? "parameter"
                : "memory", null, false, false)));
      }
    }));
    if (json.enabled()) {
      JsonOutput.print(out, JsonOutput.object("datasets", rows.entrySet().stream()
          .map(e -> JsonOutput.object("name", e.getKey(), "type", e.getValue().type(),
              "filepath", e.getValue().filepath() == null ? null
                  : e.getValue().filepath().toString(),
              "versioned", e.getValue().versioned(), "pattern", e.getValue().pattern()))
          .toList()));
      return;
    }
    Table table = Table.of("dataset", "type", "filepath", "versioned");
    rows.forEach((name, r) -> table.row(name, r.type() + (r.pattern() ? " (pattern)" : ""),
        Objects.toString(r.filepath(), null), r.versioned() ? "yes" : null));
    table.print(out);
  }
}
