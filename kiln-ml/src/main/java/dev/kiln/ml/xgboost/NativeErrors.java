package dev.kiln.ml.xgboost;

import java.util.regex.Pattern;

/**
 * Turns XGBoost's native errors into one readable line: the reason, without the time stamp, the
 * C++ source location and the {@code [bt]} backtrace the native library appends.
 */
final class NativeErrors {
  /** "[14:58:59] /workspace/src/learner.cc:1001: " before the reason. */
  private static final Pattern PREFIX = Pattern.compile("^\\[[0-9:]+\\]\\s+\\S+:\\d+:\\s*");

  private NativeErrors() {}

  /** Returns the first line of the native message, without its time stamp and location. */
  static String reason(Throwable e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    String first = message.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst()
        .orElse("");
    first = PREFIX.matcher(first).replaceFirst("");
    return first.isEmpty() || first.startsWith("Stack trace") ? e.getClass().getSimpleName()
        : first;
  }
}
