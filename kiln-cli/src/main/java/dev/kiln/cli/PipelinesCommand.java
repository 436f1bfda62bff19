package dev.kiln.cli;

import dev.kiln.core.pipeline.DatasetRef;
import dev.kiln.core.pipeline.Pipeline;
import dev.kiln.core.project.PipelineRegistry;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kiln pipelines list|describe}. */
@Command(name = "pipelines", mixinStandardHelpOptions = true,
    description = "List the project's pipelines or describe one.")
final class PipelinesCommand {
  @Spec CommandSpec spec;

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the pipelines.")
  void list(@Mixin ProjectOptions options, @Mixin JsonOutput json) {
    PrintWriter out = spec.commandLine().getOut();
    Map<String, Pipeline> pipelines = options.open().pipelines();
    if (json.enabled()) {
      JsonOutput.print(out, JsonOutput.object("pipelines", pipelines.entrySet().stream()
          .map(e -> JsonOutput.object("name", e.getKey(), "nodes", e.getValue().nodes().size()))
          .toList()));
      return;
    }
    Table table = Table.of("pipeline", "nodes");
    pipelines.forEach((name, p) -> table.row(name, p.nodes().size()));
    table.print(out);
  }

  @Command(name = "describe", mixinStandardHelpOptions = true,
      description = "Show a pipeline's nodes in run order, with inputs and outputs.")
  void describe(@Mixin ProjectOptions options, @Mixin JsonOutput json,
      @Parameters(arity = "0..1", paramLabel = "NAME", defaultValue = PipelineRegistry.DEFAULT)
      String name) {
    PrintWriter out = spec.commandLine().getOut();
    Pipeline pipeline = options.open().pipeline(name);
    if (json.enabled()) {
      JsonOutput.print(out, JsonOutput.object("name", name, "nodes", pipeline.nodes().stream()
          .map(n -> JsonOutput.object("name", n.name(), "tags",
              List.copyOf(new TreeSet<>(n.tags())),
              "inputs", names(n.inputs()), "outputs", names(n.outputs()))).toList(),
          "inputs", List.copyOf(new TreeSet<>(pipeline.inputs())),
          "outputs", List.copyOf(new TreeSet<>(pipeline.outputs()))));
      return;
    }
    out.println("Pipeline '" + name + "': " + pipeline.nodes().size() + " nodes, in run order");
    Table table = Table.of("node", "inputs", "outputs", "tags");
    pipeline.nodes().forEach(n -> table.row(n.name(), String.join(", ", names(n.inputs())),
        String.join(", ", names(n.outputs())),
        n.tags().isEmpty() ? null : String.join(", ", new TreeSet<>(n.tags()))));
    table.print(out);
    out.println("Inputs:  " + String.join(", ", new TreeSet<>(pipeline.inputs())));
    out.println("Outputs: " + String.join(", ", new TreeSet<>(pipeline.outputs())));
  }

  private static List<String> names(List<DatasetRef<?>> refs) {
    return refs.stream().map(DatasetRef::toString).toList();
  }
}
