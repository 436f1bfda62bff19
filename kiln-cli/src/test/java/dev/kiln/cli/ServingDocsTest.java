package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the worked example of docs/serving.md as a shell script: {@code ./kiln serve} in the
 * background, then every {@code curl -sf} line against it (curl fails on any HTTP error).
 */
class ServingDocsTest {
  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

  @TempDir Path work;

  @Test
  void serving_walkthrough_runs() throws Exception {
    Path project = work.resolve("examples/fraud-detection");
    ProjectCopies.copy(REPO.resolve("examples/fraud-detection"), project);
    ModelsCommandTest.kiln(0, "run", "--project", project.toString(), "--params",
        "raw_data.rows=20000");
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path kiln = work.resolve("kiln");
    Files.writeString(kiln, "#!/usr/bin/env bash\nexec '" + Path.of(System.getProperty(
        "java.home"), "bin", "java") + "' -cp '" + System.getProperty("java.class.path")
        + "' dev.kiln.cli.Main \"$@\"\n");
    kiln.toFile().setExecutable(true);
    List<String> script = new ArrayList<>(List.of("set -euo pipefail",
        "trap 'kill $(jobs -p) 2>/dev/null || true' EXIT"));
    for (String line : firstShBlock(REPO.resolve("docs/serving.md"))) {
      script.add(line.replace("8080", Integer.toString(port)));
      if (line.endsWith("&")) {
        script.add("for i in $(seq 300); do curl -s -o /dev/null localhost:" + port
            + "/v2/health/live && break; sleep 0.1; done");
      }
    }
    Path file = work.resolve("walk.sh");
    Files.writeString(file, String.join("\n", script) + "\n");
    Process bash = new ProcessBuilder("bash", file.toString()).directory(work.toFile())
        .redirectErrorStream(true).start();
    String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(bash.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(bash.exitValue()).as(output).isZero();
    assertThat(output).contains("\"ready\":true").contains("\"predictions\"")
        .contains("\"explanations\"").contains("kiln_requests_total");
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
