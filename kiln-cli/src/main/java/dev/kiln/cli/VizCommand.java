package dev.kiln.cli;

import dev.kiln.core.catalog.DataCatalog;
import dev.kiln.core.project.PipelineRegistry;
import dev.kiln.core.project.Project;
import dev.kiln.core.viz.GraphRenderer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kiln viz}: prints the pipeline graph as Mermaid, DOT or JSON. */
@Command(name = "viz", mixinStandardHelpOptions = true,
    description = "Print the pipeline graph as text (mermaid, dot or json).")
final class VizCommand implements Callable<Integer> {
  /** Output formats. */
  enum Format { mermaid, dot, json }

  @Mixin ProjectOptions options;
  @Spec CommandSpec spec;

  @Option(names = "--pipeline", defaultValue = PipelineRegistry.DEFAULT, description = "Pipeline.")
  String pipeline;

  @Option(names = "--format", defaultValue = "mermaid",
      description = "One of: ${COMPLETION-CANDIDATES} (default: mermaid).")
  Format format;

  @Override
  public Integer call() {
    Project project = options.open();
    DataCatalog catalog = project.catalog(DataCatalog.CatalogSettings.defaults(project.dir()));
    GraphRenderer renderer = new GraphRenderer(project.pipeline(pipeline), catalog::isPersisted);
    String text = switch (format) {
      case mermaid -> renderer.mermaid();
      case dot -> renderer.dot();
      case json -> renderer.json();
    };
    spec.commandLine().getOut().print(text);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
