package dev.kiln.cli;

import dev.kiln.core.KilnException;
import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;

/**
 * Entry point of the {@code kiln} command.
 *
 * <p>Exit codes: 0 success; 1 a pipeline run failed (the failed node and the resume command are
 * printed); 2 bad usage or bad input (arguments, project, configuration, data, a server's port
 * already in use); 3 an unexpected internal error (rerun with {@code --debug} and report it);
 * 4 a check did not pass (a retrained model was refused, a guard rolled a model back,
 * {@code kiln monitor} detected dataset drift, prediction drift or decay).
 */
public final class Main {
  /** Exit code of a failed pipeline run. */
  public static final int RUN_FAILED = 1;
  /** Exit code of bad usage or input. */
  public static final int BAD_INPUT = 2;
  /** Exit code of an unexpected error. */
  public static final int INTERNAL_ERROR = 3;
  /** Exit code of a check that did not pass: refused challenger, rollback, drift. */
  public static final int CHECK_FAILED = 4;

  private Main() {}

  /** Runs the command and exits with its code. */
  public static void main(String[] args) {
    quietLibraries();
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    int code = execute(args, out, err);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs the command with the given output streams and returns the exit code. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    boolean debug = Arrays.asList(args).contains("--debug");
    args = LegacyOptions.rewrite(args);
    CommandLine cli = KilnCommand.commandLine(args);
    cli.setOut(out).setErr(err);
    cli.setExecutionExceptionHandler((e, cmd, parsed) -> handle(e, cmd, err, debug));
    return cli.execute(args);
  }

  /** Keeps XGBoost's per-round evaluation lines out of the run's progress output. */
  private static void quietLibraries() {
    java.util.logging.Logger.getLogger("ml.dmlc.xgboost4j").setLevel(java.util.logging.Level.WARNING);
  }

  private static int handle(Exception e, CommandLine command, PrintWriter err, boolean debug) {
    KilnException listen = ListenErrors.of(e, command);
    KilnException user = listen != null ? listen : e instanceof KilnException k ? k : null;
    if (user != null) {
      err.println("Error: " + user.describe());
      if (debug) {
        e.printStackTrace(err);
      }
      return BAD_INPUT;
    }
    err.println("Unexpected error: " + e);
    err.println("Hint: rerun with --debug to see the stack trace, and report it.");
    if (debug) {
      e.printStackTrace(err);
    }
    return INTERNAL_ERROR;
  }
}
