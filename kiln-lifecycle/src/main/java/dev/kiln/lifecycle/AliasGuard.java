package dev.kiln.lifecycle;

import dev.kiln.lifecycle.monitor.MonitorReport;
import dev.kiln.lifecycle.monitor.MonitorReports;
import dev.kiln.tracking.ModelVersion;
import dev.kiln.tracking.registry.AliasMove;
import dev.kiln.tracking.registry.RegistryStore;
import java.time.Duration;
import java.util.Optional;

/**
 * Watches the version behind a registry alias on a running model server, one window at a time,
 * and moves the alias back to the version it pointed at before when the window breaks the
 * {@link ServingGuard} or, with {@code onDecay}, when the latest monitoring report found
 * label-based decay after the alias last moved (so it judged the version the alias points at).
 */
public final class AliasGuard {
  private final RegistryStore registry;
  private final MonitorReports reports;
  private final MetricsScraper scraper;
  private final Settings settings;

  /**
   * What the guard tolerates.
   *
   * @param guard the error-rate and latency thresholds
   * @param window the time between the two metric scrapes of a window
   * @param onDecay whether decay in the latest monitoring report also rolls back
   */
  public record Settings(ServingGuard guard, Duration window, boolean onDecay) {
    /** Checks the window. */
    public Settings {
      if (window.isNegative() || window.isZero()) {
        throw new LifecycleException("The guard window must be positive, got " + window + ".",
            "e.g. --window 1m");
      }
    }
  }

  /**
   * The outcome of one window.
   *
   * @param version the version the alias pointed at during the window
   * @param window its figures
   * @param breach why the version was rolled back, or empty when it is healthy
   * @param rolledBackTo the version the alias points at after the rollback, or null
   */
  public record Verdict(long version, ServingGuard.Window window, Optional<String> breach,
      ModelVersion rolledBackTo) {
    /** Returns whether the alias was moved back. */
    public boolean rolledBack() {
      return rolledBackTo != null;
    }
  }

  /** Creates a guard over a registry, a project's monitoring reports and a server's metrics. */
  public AliasGuard(RegistryStore registry, MonitorReports reports, MetricsScraper scraper,
      Settings settings) {
    this.registry = registry;
    this.reports = reports;
    this.scraper = scraper;
    this.settings = settings;
  }

  /**
   * Judges one window of the version behind {@code model@alias}, rolling the alias back on a
   * breach.
   *
   * @throws dev.kiln.core.KilnException if the alias does not exist, the server cannot be
   *     scraped, or a rollback has no earlier version
   * @throws InterruptedException if interrupted during the window
   */
  public Verdict watchOnce(String model, String alias) throws InterruptedException {
    long version = registry.getModelVersionByAlias(model, alias).version();
    PrometheusSamples before = scraper.scrape();
    Thread.sleep(settings.window().toMillis());
    ServingGuard.Window w = ServingGuard.window(before, scraper.scrape(), model,
        Long.toString(version));
    Optional<String> breach = settings.guard().breach(w);
    if (breach.isEmpty() && settings.onDecay()) {
      breach = decaySince(model, alias);
    }
    ModelVersion back = breach.isPresent() ? registry.rollbackAlias(model, alias) : null;
    return new Verdict(version, w, breach, back);
  }

  /**
   * Returns the decay the latest monitoring report of {@code model} found, if it was written
   * after the alias last moved.
   */
  Optional<String> decaySince(String model, String alias) {
    Optional<MonitorReport> report = reports.latest(model);
    if (report.isEmpty() || !report.get().decayed()) {
      return Optional.empty();
    }
    long moved = registry.getAliasHistory(model, alias).stream()
        .mapToLong(AliasMove::timestamp).max().orElse(0);
    if (report.get().created().toEpochMilli() < moved) {
      return Optional.empty();
    }
    return Optional.of("label-based decay in the monitoring report of "
        + report.get().created() + " (" + reports.latestFile(model) + ")");
  }
}
