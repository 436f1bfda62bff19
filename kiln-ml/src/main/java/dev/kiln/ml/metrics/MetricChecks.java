package dev.kiln.ml.metrics;

import dev.kiln.core.KilnException;

/** Argument checks shared by the metrics. */
final class MetricChecks {
  private MetricChecks() {}

  static void sameLength(int a, int b) {
    if (a != b) {
      throw new KilnException("Labels and predictions differ in length: " + a + " and " + b + ".",
          "pass one prediction per label");
    }
    if (a == 0) {
      throw new KilnException("Metrics need at least one sample; got none.",
          "check that the evaluation set is not empty");
    }
  }
}
