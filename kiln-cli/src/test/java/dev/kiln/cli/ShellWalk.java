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
 * Runs the first {@code sh} block of a Markdown file (or, for a tutorial, every {@code sh} block
 * and every file block) as a bash script in a work folder, the way a reader would paste it:
 * {@code ./kiln} is the CLI of the test's class path, port 8080 becomes a free port, a server
 * started with {@code &} is waited for, a line ending in {@code # exit N} must exit with N, and
 * every other line must succeed. A file block is a code block whose first line is
 * {@code # file: PATH} or {@code // file: PATH}: the reader saves it as PATH, so the walk writes it
 * there. Background servers are stopped (SIGTERM) at the end.
 */
final class ShellWalk {
  private static final Pattern EXPECTED_EXIT = Pattern.compile("^(.*?)\\s+#\\s*exit (\\d+)\\b.*$");
  private static final Pattern FILE_BLOCK = Pattern.compile("^(?:#|//) file: (\\S+)$");
  private static final String LAUNCHER_TAIL = " --add-opens=java.base/java.nio=ALL-UNNAMED -cp '";

  /** The script's exit code and its merged output. */
  record Result(int exitCode, String output) {}

  private ShellWalk() {}

  static Result run(Path markdown, Path work) throws IOException, InterruptedException {
    return run(markdown, work, testLauncher(), 300);
  }

  /**
   * Runs every {@code sh} block of a page in order, saving its file blocks where they say, with
   * {@code ./kiln} the CLI of the test's class path; fails after {@code timeoutSeconds}.
   */
  static Result runPage(Path markdown, Path work, int timeoutSeconds)
      throws IOException, InterruptedException {
    return walk(pageBlocks(markdown), work, testLauncher(), timeoutSeconds);
  }

  private static String testLauncher() {
    return "'" + Path.of(System.getProperty("java.home"), "bin", "java") + "'" + LAUNCHER_TAIL
        + System.getProperty("java.class.path") + "' dev.kiln.cli.Main";
  }

  /**
   * Runs the walk with {@code ./kiln} starting {@code launcher} (e.g. {@code java -jar
   * kiln.jar}), failing after {@code timeoutSeconds}.
   */
  static Result run(Path markdown, Path work, String launcher, int timeoutSeconds)
      throws IOException, InterruptedException {
    return walk(List.of(new Block(null, firstShBlock(markdown))), work, launcher, timeoutSeconds);
  }

  /** A code block to run ({@code file} null) or to save as {@code file}. */
  private record Block(String file, List<String> lines) {}

  private static Result walk(List<Block> blocks, Path work, String launcher, int timeoutSeconds)
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
    for (Block block : blocks) {
      if (block.file() == null) {
        addCommands(block.lines(), port, script);
      } else {
        script.add("mkdir -p \"$(dirname '" + block.file() + "')\"");
        script.add("cat > '" + block.file() + "' <<'KILN_WALK_FILE'");
        script.addAll(block.lines());
        script.add("KILN_WALK_FILE");
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

  /** Adds a shell block's lines to the script, each echoed, checked and waited for. */
  private static void addCommands(List<String> lines, int port, List<String> script) {
    for (String line : lines) {
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
  }

  /** Returns a page's {@code sh} blocks and file blocks, in order. */
  private static List<Block> pageBlocks(Path markdown) throws IOException {
    List<Block> blocks = new ArrayList<>();
    List<String> lines = null;
    String fence = null;
    for (String line : Files.readAllLines(markdown)) {
      if (lines == null && line.startsWith("```")) {
        lines = new ArrayList<>();
        fence = line.trim();
      } else if (lines != null && line.startsWith("```")) {
        Matcher file = lines.isEmpty() ? null : FILE_BLOCK.matcher(lines.get(0));
        if (fence.equals("```sh")) {
          blocks.add(new Block(null, lines));
        } else if (file != null && file.matches()) {
          blocks.add(new Block(file.group(1), lines));
        }
        lines = null;
      } else if (lines != null) {
        lines.add(line);
      }
    }
    if (blocks.isEmpty()) {
      throw new AssertionError("no sh block in " + markdown);
    }
    return blocks;
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
