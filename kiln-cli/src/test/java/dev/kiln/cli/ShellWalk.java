package dev.kiln.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the first {@code sh} block of a Markdown file as a bash script in a work folder, the way
 * a reader would paste it: {@code ./kiln} is the CLI of the test's class path, port 8080 becomes
 * a free port, a server started with {@code &} is waited for, a line ending in
 * {@code # exit N} must exit with N, and every other line must succeed. Background servers are
 * stopped (SIGTERM) at the end.
 */
final class ShellWalk {
  private static final Pattern EXPECTED_EXIT = Pattern.compile("^(.*?)\\s+#\\s*exit (\\d+)\\b.*$");

  /** The script's exit code and its merged output. */
  record Result(int exitCode, String output) {}

  private ShellWalk() {}

  static Result run(Path markdown, Path work) throws IOException, InterruptedException {
    return run(markdown, work, "'" + Path.of(System.getProperty("java.home"), "bin", "java")
        + "' --add-opens=java.base/java.nio=ALL-UNNAMED -cp '"
        + System.getProperty("java.class.path") + "' dev.kiln.cli.Main", 300);
  }

  /**
   * Runs the walk with {@code ./kiln} starting {@code launcher} (e.g. {@code java -jar
   * kiln.jar}), failing after {@code timeoutSeconds}.
   */
  static Result run(Path markdown, Path work, String launcher, int timeoutSeconds)
      throws IOException, InterruptedException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path kiln = work.resolve("kiln");
    Files.writeString(kiln, "#!/usr/bin/env bash\nexec " + launcher + " \"$@\"\n");
    kiln.toFile().setExecutable(true);
    List<String> script = new ArrayList<>(List.of("set -euo pipefail",
        "trap 'kill $(jobs -p) 2>/dev/null; wait' EXIT"));
    for (String line : firstShBlock(markdown)) {
      String code = line.replace("8080", Integer.toString(port));
      Matcher expected = EXPECTED_EXIT.matcher(code);
      if (code.isBlank() || code.trim().startsWith("#")) {
        continue;
      }
      script.add("echo '$ " + code.replace("'", "'\\''") + "'");
      if (expected.matches()) {
        script.add("set +e; " + expected.group(1) + "; rc=$?; set -e; [ $rc -eq "
            + expected.group(2) + " ] || { echo \"expected exit " + expected.group(2)
            + ", got $rc\"; exit 99; }");
      } else {
        script.add(code);
      }
      if (code.endsWith("&")) {
        script.add("for i in $(seq 600); do curl -s -o /dev/null localhost:" + port
            + "/v2/health/live && break; sleep 0.1; done");
      }
    }
    Path file = work.resolve("walk.sh");
    Files.writeString(file, String.join("\n", script) + "\n");
    Process bash = new ProcessBuilder("bash", file.toString()).directory(work.toFile())
        .redirectErrorStream(true).start();
    String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!bash.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      bash.destroyForcibly();
      throw new AssertionError("the walk did not finish in " + timeoutSeconds + " s:\n"
          + output);
    }
    return new Result(bash.exitValue(), output);
  }

  private static List<String> firstShBlock(Path markdown) throws IOException {
    List<String> lines = new ArrayList<>();
    boolean in = false;
    for (String line : Files.readAllLines(markdown)) {
      if (line.trim().equals("```sh")) {
        in = true;
      } else if (in && line.startsWith("```")) {
        return lines;
      } else if (in) {
        lines.add(line);
      }
    }
    throw new AssertionError("no sh block in " + markdown);
  }
}
