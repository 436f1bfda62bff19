package dev.kiln.serving.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.core.ProjectLayout;
import dev.kiln.serving.ServingMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes {@code kiln_drift_score{model,column}} from the latest monitoring report of each
 * served model, {@code <monitoring dir>/<model>/latest.json} as written by {@code kiln monitor}.
 * A model without a report publishes nothing; an unreadable report is logged and skipped.
 *
 * @param dir the monitoring folder
 * @param models the names of the served models
 * @param metrics where the gauges are published
 */
public record DriftGauges(Path dir, Supplier<Collection<String>> models, ServingMetrics metrics) {
  private static final Logger LOG = LoggerFactory.getLogger(DriftGauges.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Reads each model's latest report, if any, and updates its gauges. */
  public void refresh() {
    for (String model : models.get()) {
      Path latest = dir.resolve(model).resolve(ProjectLayout.LATEST_REPORT);
      if (!Files.isRegularFile(latest)) {
        continue;
      }
      try {
        JsonNode report = JSON.readTree(latest.toFile());
        report.path("columns").forEach(c -> publish(model, c));
        publish(model, report.path("prediction"));
      } catch (IOException e) {
        LOG.warn("Cannot read the monitoring report {}: {}; rerun kiln monitor", latest,
            e.getMessage());
      }
    }
  }

  private void publish(String model, JsonNode column) {
    if (column.path("column").isTextual() && column.path("score").isNumber()) {
      metrics.drift(model, column.path("column").asText(), column.path("score").asDouble());
    }
  }
}
