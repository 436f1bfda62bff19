package dev.kiln.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The {@code kiln} command as a real child process (a JVM of the test class path, opened for Arrow
 * as the kiln jar is), for tests that need an environment of their own or kill the process.
 * Standard error is merged into the output.
 */
final class KilnProcess implements AutoCloseable {
  private final Process process;
  private final BufferedReader out;
  private final StringBuilder seen = new StringBuilder();

  private KilnProcess(Process process) {
    this.process = process;
    this.out = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8));
  }

  /** Starts {@code kiln args...} with extra environment variables. */
  static KilnProcess start(Map<String, String> env, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"),
        "bin", "java").toString(), "--add-opens=java.base/java.nio=ALL-UNNAMED", "-cp",
        System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    return new KilnProcess(builder.start());
  }

  /** Returns the process's pid. */
  long pid() {
    return process.pid();
  }

  /**
   * Reads output lines until one contains {@code marker}, and returns that line.
   *
   * @throws AssertionError with the output so far if the process ends first
   */
  String awaitLine(String marker) throws IOException {
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      seen.append(line).append('\n');
      if (line.contains(marker)) {
        return line;
      }
    }
    throw new AssertionError("kiln ended without printing '" + marker + "':\n" + seen);
  }

  /** Waits for the process to end and returns its exit code; all its output is then read. */
  int exitCode() throws IOException, InterruptedException {
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      seen.append(line).append('\n');
    }
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      throw new AssertionError("kiln did not end:\n" + seen);
    }
    return process.exitValue();
  }

  /** Returns the output read so far. */
  String output() {
    return seen.toString();
  }

  /** Kills the process with SIGKILL, as the OOM killer does, and waits for it to end. */
  void killHard() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(1, TimeUnit.MINUTES)) {
      throw new AssertionError("kiln survived SIGKILL");
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(1, TimeUnit.MINUTES);
  }
}
