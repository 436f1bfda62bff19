package dev.kiln.cli;

import dev.kiln.core.KilnException;

/** Secrets named on the command line and read from the environment, never from arguments. */
final class Secrets {
  private Secrets() {}

  /**
   * Returns the value of the environment variable named by a {@code --token-env} option, or
   * null when the option was not given.
   *
   * @throws KilnException if the variable is not set, or is set but empty
   */
  static String fromEnv(String variable) {
    if (variable == null) {
      return null;
    }
    String value = System.getenv(variable);
    if (value == null) {
      throw new KilnException("Environment variable " + variable + " (from --token-env) is"
          + " not set.", "export " + variable + "=<token> first");
    }
    return nonEmpty(variable, value, "(from --token-env) ");
  }

  /**
   * Returns the value of a default token variable, or null when it is not set (authentication
   * off).
   *
   * @throws KilnException if the variable is set but empty: that is a mistake, not a wish to
   *     serve without authentication
   */
  static String fromDefaultEnv(String variable) {
    String value = System.getenv(variable);
    return value == null ? null : nonEmpty(variable, value, "");
  }

  private static String nonEmpty(String variable, String value, String origin) {
    if (value.isBlank()) {
      throw new KilnException("Environment variable " + variable + " " + origin + "is empty.",
          "put the token in it (e.g. export " + variable + "=\"$(openssl rand -hex 32)\"), or"
              + " unset it; an empty token never turns authentication off");
    }
    return value;
  }
}
