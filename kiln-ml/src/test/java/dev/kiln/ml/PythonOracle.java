package dev.kiln.ml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs a script with Debian's Python 3 (which has scikit-learn, SciPy, XGBoost and onnx;
 * installed by .ci/run) and returns its standard output. Fails the test, never skips it, when Python or a
 * package is missing.
 */
public final class PythonOracle {
  private static final String PYTHON = "/usr/bin/python3";

  private PythonOracle() {}

  /** Runs the script with the given text on standard input; throws on a non-zero exit. */
  public static String run(String script, String stdin) throws IOException, InterruptedException {
    Path file = Files.createTempFile("oracle", ".py");
    Files.writeString(file, script);
    Process p = new ProcessBuilder(PYTHON, file.toString()).redirectErrorStream(false).start();
    p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new AssertionError("Python oracle failed (is python3-sklearn/-xgboost/-onnx installed? see"
          + " .ci/run):\n" + err);
    }
    Files.delete(file);
    return out;
  }
}
