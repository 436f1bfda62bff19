package dev.kiln.cli;

import dev.kiln.core.KilnException;

/** Secrets named on the command line and read from the environment, never from arguments. */
final class Secrets {
  private Secrets() {}

  /**
   * Returns the value of the environment variable named by a {@code --token-env} option, or
   * null when the option was not given.
   *
   * @throws KilnException if the variable is not set
   */
  static String fromEnv(String variable) {
    if (variable == null) {
      return null;
    }
    String value = System.getenv(variable);
    if (value == null || value.isBlank()) {
      throw new KilnException("Environment variable " + variable + " (from --token-env) is"
          + " not set.", "export " + variable + "=<token> first");
    }
    return value;
  }
}
