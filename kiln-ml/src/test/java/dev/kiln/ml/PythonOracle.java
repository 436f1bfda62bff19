package dev.kiln.ml;

import dev.kiln.quality.oracle.OracleScript;
import java.io.IOException;

/**
 * Runs a script with Debian's Python 3 (scikit-learn, SciPy, XGBoost and onnx; installed by
 * .ci/run) and returns its standard output. Fails the test, never skips it, when Python or a
 * package is missing.
 */
public final class PythonOracle {
  private PythonOracle() {}

  /** Runs the script with the given text on standard input; throws on a non-zero exit. */
  public static String run(String script, String stdin) throws IOException, InterruptedException {
    return OracleScript.run(script, stdin);
  }
}
