package dev.kiln.lifecycle;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.core.catalog.AtomicFiles;
import dev.kiln.core.catalog.ContentHash;
import dev.kiln.core.catalog.DataCatalog;
import dev.kiln.core.project.Project;
import dev.kiln.lifecycle.monitor.MonitorReport;
import dev.kiln.lifecycle.monitor.MonitorReports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether a retraining round is due: with {@code ifDrift}, only when the model's latest
 * monitoring report found drift or decay; with {@code ifNewData}, only when that catalog
 * dataset's file changed since the last round, whose content hash is remembered in
 * {@link dev.kiln.core.ProjectLayout#retrainState(String)}.
 *
 * @param project the opened project
 * @param ifDrift whether drift or decay is required
 * @param ifNewData the catalog dataset whose change is required, or null
 */
public record RetrainTriggers(Project project, boolean ifDrift, String ifNewData) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Returns why this round is skipped, or empty when the model should be retrained.
   *
   * @throws LifecycleException if {@code ifNewData} is not a catalog dataset with a file
   * @throws dev.kiln.core.KilnException if the latest report exists but cannot be read
   */
  public Optional<String> skipReason(String model) {
    if (ifDrift) {
      MonitorReports reports = MonitorReports.of(project.layout());
      Optional<MonitorReport> report = reports.latest(model);
      if (report.isEmpty()) {
        return Optional.of("no monitoring report at " + reports.latestFile(model)
            + " (run 'kiln monitor " + model + "')");
      }
      if (!report.get().crossed()) {
        return Optional.of("the latest monitoring report (" + reports.latestFile(model)
            + ") found no drift or decay");
      }
    }
    if (ifNewData != null && dataHash().equals(lastDataHash(model))) {
      return Optional.of("dataset '" + ifNewData + "' has not changed since the last retraining");
    }
    return Optional.empty();
  }

  /**
   * Remembers the current content of {@code ifNewData} after a round, so the next round with the
   * same data is skipped; does nothing without {@code ifNewData}.
   */
  public void remember(String model) {
    if (ifNewData == null) {
      return;
    }
    try {
      AtomicFiles.write(project.layout().retrainState(model),
          JSON.writeValueAsBytes(Map.of(ifNewData, dataHash())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String dataHash() {
    Object path = project.catalog(DataCatalog.CatalogSettings.defaults(project.dir()))
        .entry(ifNewData).map(e -> e.options().get("filepath")).orElseThrow(() ->
            new LifecycleException("--if-new-data names '" + ifNewData + "', which is not a"
                + " catalog dataset with a filepath.", "name the dataset of the incoming data,"
                + " e.g. cars"));
    try {
      return ContentHash.of(project.dir().resolve(String.valueOf(path)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String lastDataHash(String model) {
    Path state = project.layout().retrainState(model);
    try {
      return Files.exists(state) ? JSON.readTree(state.toFile()).path(ifNewData).asText("") : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
