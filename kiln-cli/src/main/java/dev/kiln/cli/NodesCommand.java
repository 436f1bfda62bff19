package dev.kiln.cli;

import dev.kiln.core.nodes.NodeParameters;
import dev.kiln.core.nodes.NodeType;
import dev.kiln.core.nodes.NodeTypes;
import dev.kiln.core.nodes.Port;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kiln nodes}: lists the built-in node types for {@code pipelines.yml}. */
@Command(name = "nodes", mixinStandardHelpOptions = true,
    description = "List the built-in node types of pipelines.yml: inputs, outputs, parameters.")
final class NodesCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    for (NodeType type : NodeTypes.discover(getClass().getClassLoader()).all()) {
      out.printf("%s: %s%n", type.name(), type.summary());
      out.printf("  inputs:  %s%n", ports(type.inputs()));
      out.printf("  outputs: %s%n", ports(type.outputs()));
      out.printf("  params:  %s%n", Arrays.stream(type.parameters().getRecordComponents())
          .map(c -> NodeParameters.keyOf(c.getName())).collect(Collectors.joining(", ")));
    }
  }

  private static String ports(List<Port> ports) {
    return ports.stream().map(p -> p.name() + " (" + p.type().getSimpleName()
        + (p.required() ? "" : ", optional") + ")").collect(Collectors.joining(", "));
  }
}
