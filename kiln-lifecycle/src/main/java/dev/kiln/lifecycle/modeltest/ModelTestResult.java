package dev.kiln.lifecycle.modeltest;

/**
 * The outcome of one model test.
 *
 * @param kind golden, slice, directional or invariance
 * @param name the test's name (with the slice for slice checks)
 * @param status passed, failed, or not judged (a slice with too few rows)
 * @param detail what was measured against what was expected
 */
public record ModelTestResult(String kind, String name, Status status, String detail) {
  /** Whether a test passed. */
  public enum Status {
    /** It held. */
    PASSED,
    /** It did not hold. */
    FAILED,
    /** It could not be judged, e.g. too few rows in a slice; never blocks a promotion. */
    SKIPPED
  }

  static ModelTestResult of(String kind, String name, boolean passed, String detail) {
    return new ModelTestResult(kind, name, passed ? Status.PASSED : Status.FAILED, detail);
  }
}
