package dev.kiln.cli;

import dev.kiln.tracking.ModelVersion;
import dev.kiln.tracking.ProjectTracking;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kiln models versions NAME}. */
@Command(name = "versions", mixinStandardHelpOptions = true,
    description = "List a model's versions.")
final class ModelVersionsCommand implements Runnable {
  @Spec CommandSpec spec;
  @Mixin ProjectOptions options;
  @Mixin JsonOutput json;
  @Parameters(paramLabel = "NAME") String name;

  @Override
  public void run() {
    try (ProjectTracking tracking = ProjectTracking.open(options.open())) {
      PrintWriter out = spec.commandLine().getOut();
      List<ModelVersion> versions = tracking.store().searchModelVersions(name).stream()
          .sorted(Comparator.comparingLong(ModelVersion::version)).toList();
      if (json.enabled()) {
        JsonOutput.print(out, JsonOutput.object("model", name, "versions",
            versions.stream().map(ModelsViewCommands::versionJson).toList()));
        return;
      }
      Table table = Table.of("version", "created", "run", "tags");
      versions.forEach(v -> table.row(v.version(), Instant.ofEpochMilli(v.creationTime())
          .toString().substring(0, 19), v.runId(), v.tags().isEmpty() ? null
          : new TreeMap<>(v.tags()).entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "))));
      table.print(out);
    }
  }
}
