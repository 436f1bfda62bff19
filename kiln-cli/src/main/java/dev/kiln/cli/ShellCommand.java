package dev.kiln.cli;

import dev.kiln.core.KilnException;
import dev.kiln.core.catalog.AtomicFiles;
import dev.kiln.core.progress.Terminal;
import dev.kiln.core.project.Project;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import jdk.jshell.tool.JavaShellToolBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kiln shell}: JShell with the project's classes on its class path and {@code catalog},
 * {@code params}, {@code pipelines} and {@code session} defined, like {@code kedro ipython}.
 */
@Command(name = "shell", mixinStandardHelpOptions = true,
    description = "Open JShell with the project loaded: catalog.load(\"name\"), params,"
        + " pipelines.get(\"name\").run(); /exit to leave.")
final class ShellCommand implements Callable<Integer> {
  /** Imports and variables every shell starts with (after JShell's default imports). */
  static final String STARTUP = String.join("\n",
      "import dev.kiln.core.pipeline.*;",
      "import dev.kiln.core.runner.RunState;",
      "import dev.kiln.data.*;",
      "import dev.kiln.data.io.*;",
      "import dev.kiln.cli.ShellSession;",
      "var session = ShellSession.current();",
      "var catalog = session.catalog();",
      "var params = session.parameters();",
      "var pipelines = session.pipelines();", "");

  @Spec CommandSpec spec;

  @Mixin ProjectOptions project;

  @Mixin ProgressOptions progress;

  @Parameters(paramLabel = "SCRIPT", arity = "0..*", description = "JShell scripts to run"
      + " first (end one with /exit to leave afterwards).")
  List<Path> scripts = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    if (ModuleLayer.boot().findModule("jdk.jshell").isEmpty()) {
      throw new KilnException("kiln shell needs JShell (module jdk.jshell), which this Java"
          + " runtime (" + System.getProperty("java.home") + ") leaves out.",
          "run kiln with a full JDK 17 or newer");
    }
    Project opened = project.open();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    boolean debug = spec.root().commandLine().getParseResult().originalArgs().contains("--debug");
    ShellSession session = ShellSession.start(opened, new ProjectRuns.Streams(out, err, debug),
        ProgressMode.of(progress.mode));
    Path startup = opened.layout().shellStartup();
    AtomicFiles.write(startup, STARTUP.getBytes(StandardCharsets.UTF_8));
    try {
      out.println("Kiln shell: " + session + ". Defined: catalog " + session.catalog().list()
          + ", params, pipelines [" + session.pipelines() + "], session. /help for JShell,"
          + " /exit to leave.");
      out.flush();
      List<String> args = new ArrayList<>(List.of("--execution", "kiln", "--class-path",
          classPath(opened), "--startup", "DEFAULT", "--startup", startup.toString()));
      scripts.forEach(s -> args.add(s.toAbsolutePath().toString()));
      PrintStream toolOut = new PrintStream(new WriterStream(out), true, StandardCharsets.UTF_8);
      PrintStream toolErr = new PrintStream(new WriterStream(err), true, StandardCharsets.UTF_8);
      return JavaShellToolBuilder.builder().in(System.in, null).out(toolOut, toolOut, toolOut)
          .err(toolErr).interactiveTerminal(Terminal.interactive())
          .start(args.toArray(String[]::new));
    } finally {
      ShellSession.end();
    }
  }

  /** Returns Kiln's class path and the project's compiled classes, for JShell's compiler. */
  private static String classPath(Project opened) throws IOException {
    List<String> entries = new ArrayList<>(List.of(System.getProperty("java.class.path")
        .split(File.pathSeparator)));
    if (opened.classLoader() instanceof URLClassLoader loader) {
      for (URL url : loader.getURLs()) {
        try {
          entries.add(Path.of(url.toURI()).toString());
        } catch (URISyntaxException e) {
          throw new IOException("class path entry " + url + ": " + e.getMessage(), e);
        }
      }
    }
    return String.join(File.pathSeparator, entries);
  }
}
