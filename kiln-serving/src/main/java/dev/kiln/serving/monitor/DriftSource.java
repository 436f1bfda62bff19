package dev.kiln.serving.monitor;

import java.util.Map;

/**
 * Where a server finds the latest drift scores of a model. Monitoring runs outside the server
 * (kiln-lifecycle writes the reports); the server is handed this typed view and publishes it.
 */
@FunctionalInterface
public interface DriftSource {
  /**
   * Returns the latest drift score per column of a model (its inputs and its prediction column),
   * or an empty map when the model was never monitored.
   *
   * @throws dev.kiln.core.KilnException if the latest scores exist but cannot be read
   */
  Map<String, Double> latest(String model);
}
