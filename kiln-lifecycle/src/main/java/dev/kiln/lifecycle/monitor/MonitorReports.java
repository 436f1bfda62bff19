package dev.kiln.lifecycle.monitor;

import dev.kiln.core.KilnException;
import dev.kiln.core.ProjectLayout;
import dev.kiln.core.catalog.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The monitoring reports of a project, one folder per model: each run of {@code kiln monitor}
 * writes {@code report-<UTC time>.json}, and the same report as {@value
 * ProjectLayout#LATEST_REPORT}, which the serving guard, the retraining trigger and the server's
 * drift gauges read.
 *
 * @param dir the monitoring folder, normally {@link ProjectLayout#monitoringDir()}
 */
public record MonitorReports(Path dir) {
  private static final DateTimeFormatter FILE_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  /** Returns the reports of the project with this layout. */
  public static MonitorReports of(ProjectLayout layout) {
    return new MonitorReports(layout.monitoringDir());
  }

  /** Returns the folder of one model's reports. */
  public Path folder(String model) {
    return dir.resolve(model);
  }

  /** Returns the newest report of a model, {@value ProjectLayout#LATEST_REPORT}. */
  public Path latestFile(String model) {
    return folder(model).resolve(ProjectLayout.LATEST_REPORT);
  }

  /**
   * Returns the newest report of a model, or empty when it has none.
   *
   * @throws KilnException if the file exists but is not a readable report
   */
  public Optional<MonitorReport> latest(String model) {
    Path file = latestFile(model);
    return Files.isRegularFile(file) ? Optional.of(MonitorReport.read(file)) : Optional.empty();
  }

  /**
   * Writes a report into its model's folder (see {@link #save(Path, MonitorReport)}).
   *
   * @throws KilnException if a file cannot be written
   */
  public Path save(MonitorReport report) {
    return save(folder(report.model()), report);
  }

  /**
   * Writes {@code report-<time>.json} and {@value ProjectLayout#LATEST_REPORT} into a folder,
   * each atomically.
   *
   * @return the timestamped report file; companions (HTML, profiles) go beside it with {@link
   *     #sibling}
   * @throws KilnException if a file cannot be written
   */
  public static Path save(Path folder, MonitorReport report) {
    byte[] json = report.toJson().getBytes(StandardCharsets.UTF_8);
    Path file = folder.resolve("report-" + FILE_TIME.format(report.created()) + ".json");
    try {
      AtomicFiles.write(file, json);
      AtomicFiles.write(folder.resolve(ProjectLayout.LATEST_REPORT), json);
    } catch (IOException e) {
      throw new KilnException("Cannot write the monitoring report into '" + folder + "': "
          + e.getMessage(), "check that the folder is writable and the disk has room", e);
    }
    return file;
  }

  /**
   * Returns the file beside a report with another suffix, e.g. {@code .html} for {@code
   * report-20260101-000000.json}.
   */
  public static Path sibling(Path report, String suffix) {
    String name = report.getFileName().toString();
    return report.resolveSibling(name.substring(0, name.length() - ".json".length()) + suffix);
  }
}
