package dev.kiln.cli;

import dev.kiln.core.KilnException;
import dev.kiln.data.Frame;
import dev.kiln.data.io.CsvOptions;
import dev.kiln.data.io.FrameReader;
import dev.kiln.lifecycle.ModelReferences;
import dev.kiln.lifecycle.monitor.ModelMonitor;
import dev.kiln.lifecycle.monitor.MonitorReport;
import dev.kiln.lifecycle.monitor.MonitorReports;
import dev.kiln.lifecycle.monitor.WebhookAlert;
import dev.kiln.ml.bundle.LoadOptions;
import dev.kiln.ui.DriftCharts;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kiln monitor MODEL}: data drift, prediction drift and decay of a model. */
@Command(name = "monitor", mixinStandardHelpOptions = true,
    description = "Compare current data (a file, or the server's prediction log) with the"
        + " model's training profile: per-column drift, prediction drift, dataset drift and,"
        + " with labels, decay per time window. Writes JSON and HTML reports; exits 4 when a"
        + " threshold is crossed.")
final class MonitorCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "MODEL", description = "A bundle folder or zip, or a registered"
      + " model: NAME@alias, NAME:version or NAME (latest).")
  String model;

  @Mixin ProjectOptions project;

  @Option(names = "--current", paramLabel = "FILE", description = "Current data: CSV, Parquet"
      + " or JSONL with the model's inputs; it is scored with the model for prediction drift.")
  Path currentFile;

  @Mixin PredictionLogOptions log;

  @Option(names = "--report-dir", description = "Where reports go (default:"
      + " .kiln/monitoring/<name> in the project).")
  Path reportDir;

  @Option(names = "--drift-share", defaultValue = "0.5", description = "Share of drifted"
      + " columns that means dataset drift (default 0.5, as Evidently).")
  double driftShare;

  @Mixin DecayOptions decay;

  @Option(names = "--webhook", paramLabel = "URL", description = "POST a JSON summary here when"
      + " a threshold is crossed.")
  String webhook;

  @Override
  public Integer call() throws IOException {
    checkOptions();
    ModelReferences.Loaded found = project.loadModel(model, LoadOptions.fromEnvironment());
    ModelMonitor monitor = new ModelMonitor(found.bundle(), found.version(), driftShare);
    Instant start = log.start(Instant.now());
    ModelMonitor.Result result = log.fromLogs
        ? monitor.checkLog(log.read(project, found.bundle().manifest(), start,
            spec.commandLine().getErr()), describeCurrent(start),
            decay.check(), decay.labels == null ? null : read(decay.labels))
        : monitor.checkRows(read(currentFile), describeCurrent(start));
    MonitorReport report = result.report();
    Path html = write(result);
    PrintWriter out = spec.commandLine().getOut();
    out.print(report.toTable());
    out.printf("Report: %s%n", html);
    out.flush();
    if (report.crossed() && webhook != null) {
      try {
        WebhookAlert.post(webhook, report.summary(html.toString()));
      } catch (KilnException e) {
        spec.commandLine().getErr().println("Warning: the alert was not delivered. "
            + e.describe());
      }
    }
    return report.crossed() ? Main.CHECK_FAILED : 0;
  }

  private void checkOptions() {
    if (log.fromLogs == (currentFile != null)) {
      throw new KilnException("Give exactly one of --current FILE and --from-logs.",
          "e.g. kiln monitor fraud-detection@champion --from-logs --since 1d");
    }
    if (decay.labels != null && !log.fromLogs) {
      throw new KilnException("--labels needs --from-logs: labels are joined with logged"
          + " predictions by request_id.", "add --from-logs");
    }
  }

  private static Frame read(Path file) {
    return FrameReader.read(file, ValidateCommand.format(file), CsvOptions.defaults());
  }

  private String describeCurrent(Instant start) {
    return log.fromLogs ? "prediction log " + log.dir(project) + (start == null ? ""
        : " since " + start) : currentFile.toString();
  }

  /** Writes the JSON report and latest.json, the profiles and the HTML; returns the HTML path. */
  private Path write(ModelMonitor.Result result) throws IOException {
    Path json = reportDir != null ? MonitorReports.save(reportDir, result.report())
        : MonitorReports.of(project.layout()).save(result.report());
    return DriftCharts.writeBeside(json, result.report(), result.reference(), result.current());
  }
}
