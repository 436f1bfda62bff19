package dev.kiln.quality.oracle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs a script with Debian's Python 3 (numpy, pandas, SciPy, scikit-learn, XGBoost; installed by
 * .ci/run) and returns its standard output. Fails the test, never skips it, when Python or a
 * package is missing.
 */
public final class OracleScript {
  private static final String PYTHON = "/usr/bin/python3";

  private OracleScript() {}

  /**
   * Runs the script with the given text on standard input.
   *
   * @throws AssertionError if Python exits with an error or runs for more than 5 minutes
   */
  public static String run(String script, String stdin) throws IOException, InterruptedException {
    Path file = Files.createTempFile("oracle", ".py");
    Path input = Files.createTempFile("oracle", ".in");
    try {
      Files.writeString(file, script);
      Files.writeString(input, stdin);
      Process p = new ProcessBuilder(PYTHON, file.toString()).redirectInput(input.toFile())
          .redirectError(ProcessBuilder.Redirect.PIPE).start();
      byte[] out = p.getInputStream().readAllBytes();
      String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new AssertionError("Python oracle failed (are python3-scipy, -pandas, -sklearn and"
            + " -xgboost installed? see .ci/run):\n" + err);
      }
      return new String(out, StandardCharsets.UTF_8);
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(input);
    }
  }
}
