package dev.kiln.cli;

import dev.kiln.core.pipeline.DatasetRef;
import dev.kiln.core.pipeline.Node;
import dev.kiln.core.pipeline.Pipeline;
import dev.kiln.core.project.PipelineRegistry;
import dev.kiln.core.project.Project;
import java.io.PrintWriter;
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
  void list(@Mixin ProjectOptions options) {
    PrintWriter out = spec.commandLine().getOut();
    options.open().pipelines().forEach((name, p) ->
        out.printf("%-24s %d nodes%n", name, p.nodes().size()));
  }

  @Command(name = "describe", mixinStandardHelpOptions = true,
      description = "Show a pipeline's nodes in run order, with inputs and outputs.")
  void describe(@Mixin ProjectOptions options,
      @Parameters(arity = "0..1", paramLabel = "NAME", defaultValue = PipelineRegistry.DEFAULT)
      String name) {
    PrintWriter out = spec.commandLine().getOut();
    Project project = options.open();
    Pipeline pipeline = project.pipeline(name);
    out.println("Pipeline '" + name + "': " + pipeline.nodes().size() + " nodes");
    for (Node n : pipeline.nodes()) {
      out.println("  " + n.name() + (n.tags().isEmpty() ? "" : "  tags " + n.tags()));
      out.println("    in:  " + n.inputs().stream().map(DatasetRef::toString).toList());
      out.println("    out: " + n.outputs().stream().map(DatasetRef::toString).toList());
    }
    out.println("Inputs:  " + pipeline.inputs());
    out.println("Outputs: " + pipeline.outputs());
  }
}
