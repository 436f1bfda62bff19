package dev.kiln.serving.monitor;

import dev.kiln.core.KilnException;
import dev.kiln.serving.ServingMetrics;
import java.util.Collection;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes {@code kiln_drift_score{model,column}} from the latest drift scores of each served
 * model. A model without scores publishes nothing; scores that cannot be read are logged and
 * skipped, so a damaged report never stops the server.
 *
 * @param source the latest scores per model
 * @param models the names of the served models
 * @param metrics where the gauges are published
 */
public record DriftGauges(DriftSource source, Supplier<Collection<String>> models,
    ServingMetrics metrics) {
  private static final Logger LOG = LoggerFactory.getLogger(DriftGauges.class);

  /** Reads each model's latest scores, if any, and updates its gauges. */
  public void refresh() {
    for (String model : models.get()) {
      try {
        source.latest(model).forEach((column, score) -> metrics.drift(model, column, score));
      } catch (KilnException e) {
        LOG.warn("Cannot publish the drift scores of model {}: {}", model, e.describe());
      }
    }
  }
}
