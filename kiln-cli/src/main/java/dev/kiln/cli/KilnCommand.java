package dev.kiln.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The top-level {@code kiln} command. */
@Command(name = "kiln", mixinStandardHelpOptions = true, versionProvider = KilnVersion.class,
    description = "Kiln: tabular machine learning from raw data to a monitored service.",
    subcommands = {NewCommand.class, RunCommand.class, PipelinesCommand.class,
        CatalogCommand.class, VizCommand.class, BundleCommand.class,
        PredictCommand.class, RunsCommand.class,
        ModelsCommand.class, TrackingCommand.class, ServeCommand.class, MonitorCommand.class,
        RetrainCommand.class, UiCommand.class, TestCommand.class, PackageCommand.class,
        HealthCommand.class, CompletionCommand.class,
        ValidateCommand.class, SchemaCommand.class, NodesCommand.class, ShellCommand.class})
public final class KilnCommand implements Runnable {
  @Option(names = "--debug", description = "Print stack traces of errors.", scope =
      picocli.CommandLine.ScopeType.INHERIT)
  boolean debug;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
