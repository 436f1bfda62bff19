package dev.kiln.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The top-level {@code kiln} command. Its subcommands are added by {@link #commandLine}, not
 * declared in the annotation: picocli reflects over every declared subcommand when the command
 * line is built (half of the JVM's Java time before {@code kiln serve} listened), so a command
 * line naming one subcommand gets only that one.
 */
@Command(name = "kiln", mixinStandardHelpOptions = true, versionProvider = KilnVersion.class,
    description = "Kiln: tabular machine learning from raw data to a monitored service.")
public final class KilnCommand implements Runnable {
  /** The subcommands by name, in the order the help lists them. */
  private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();
  @Option(names = "--debug", description = "Print stack traces of errors.", scope =
      picocli.CommandLine.ScopeType.INHERIT)
  boolean debug;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  private static Map<String, Supplier<Object>> subcommands() {
    Map<String, Supplier<Object>> all = new LinkedHashMap<>();
    all.put("new", NewCommand::new);
    all.put("run", RunCommand::new);
    all.put("pipelines", PipelinesCommand::new);
    all.put("catalog", CatalogCommand::new);
    all.put("viz", VizCommand::new);
    all.put("bundle", BundleCommand::new);
    all.put("predict", PredictCommand::new);
    all.put("runs", RunsCommand::new);
    all.put("models", ModelsCommand::new);
    all.put("tracking", TrackingCommand::new);
    all.put("serve", ServeCommand::new);
    all.put("monitor", MonitorCommand::new);
    all.put("retrain", RetrainCommand::new);
    all.put("ui", UiCommand::new);
    all.put("test", TestCommand::new);
    all.put("package", PackageCommand::new);
    all.put("health", HealthCommand::new);
    all.put("completion", CompletionCommand::new);
    all.put("validate", ValidateCommand::new);
    all.put("schema", SchemaCommand::new);
    all.put("nodes", NodesCommand::new);
    all.put("shell", ShellCommand::new);
    return all;
  }

  /** Returns the {@code kiln} command line with every subcommand (help, completion, tests). */
  public static CommandLine commandLine() {
    return commandLine(new String[0]);
  }

  /**
   * Returns the {@code kiln} command line for these arguments: with only the subcommand their
   * first word names, or with every subcommand when the first word is an option, unknown or
   * missing, or {@code completion} (so help, suggestions and the completion script see them
   * all).
   */
  static CommandLine commandLine(String[] args) {
    CommandLine cli = new CommandLine(new KilnCommand());
    Supplier<Object> named = args.length == 0 || args[0].equals("completion") ? null
        : SUBCOMMANDS.get(args[0]);
    if (named != null) {
      cli.addSubcommand(args[0], named.get());
    } else {
      SUBCOMMANDS.forEach((name, command) -> cli.addSubcommand(name, command.get()));
    }
    return cli;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
