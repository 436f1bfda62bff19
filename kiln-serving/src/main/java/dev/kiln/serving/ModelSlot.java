package dev.kiln.serving;

import dev.kiln.core.KilnException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A served model name: its current version (and optional challenger) from their sources. Swaps
 * are atomic: a request works on the {@link Deployment} it read, so in-flight requests finish on
 * the old version while new ones see the new one.
 */
public final class ModelSlot implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ModelSlot.class);

  /** The versions serving at one moment. */
  public record Deployment(ServedModel primary, ServedModel challenger) {}

  /** The version chosen for a request, and the one mirroring it (shadow), if any. */
  public record Route(ServedModel model, String role, ServedModel shadow) {}

  private final ModelSource primarySource;
  private final ModelSource challengerSource;
  private final Traffic traffic;
  private final BatchingConfig batching;
  private final ServingMetrics metrics;
  private final AtomicReference<Deployment> current = new AtomicReference<>();
  private volatile String lastError;

  /**
   * Loads, verifies and warms the first versions.
   *
   * @param challengerSource the challenger, or null
   * @throws KilnException if a version cannot be loaded
   */
  public ModelSlot(ModelSource primarySource, ModelSource challengerSource, Traffic traffic,
      BatchingConfig batching, ServingMetrics metrics) {
    this.primarySource = primarySource;
    this.challengerSource = challengerSource;
    this.traffic = challengerSource == null ? Traffic.none() : traffic;
    this.batching = batching;
    this.metrics = metrics;
    ServedModel primary = load(primarySource, primarySource.currentKey(), null);
    current.set(new Deployment(primary, challengerSource == null ? null
        : load(challengerSource, challengerSource.currentKey(), primary)));
  }

  /** Returns the name requests use. */
  public String name() {
    return primarySource.modelName();
  }

  /** Returns the versions serving now. */
  public Deployment deployment() {
    return current.get();
  }

  /** Returns how the challenger shares traffic. */
  public Traffic traffic() {
    return traffic;
  }

  /** Returns the last reload error, if the last reload failed. */
  public Optional<String> lastError() {
    return Optional.ofNullable(lastError);
  }

  /** Chooses the version answering a request: the canary for its share, else the primary. */
  public Route route() {
    Deployment d = current.get();
    if (d.challenger() == null) {
      return new Route(d.primary(), "primary", null);
    }
    return switch (traffic.mode()) {
      case CANARY -> ThreadLocalRandom.current().nextDouble(100) < traffic.percent()
          ? new Route(d.challenger(), "canary", null) : new Route(d.primary(), "primary", null);
      case SHADOW -> new Route(d.primary(), "primary", d.challenger());
      case NONE -> new Route(d.primary(), "primary", null);
    };
  }

  /**
   * Returns the serving version with this label.
   *
   * @throws ClientError 404 if neither the primary nor the challenger has it
   */
  public ServedModel version(String version) {
    Deployment d = current.get();
    if (d.primary().version().equals(version)) {
      return d.primary();
    }
    if (d.challenger() != null && d.challenger().version().equals(version)) {
      return d.challenger();
    }
    throw ClientError.notFound("Model '" + name() + "' has no version "
        + ClientError.quote(version) + " loaded; serving " + d.primary().version()
        + (d.challenger() == null ? "" : " and " + d.challenger().version()) + ".");
  }

  /**
   * Checks the sources and swaps in any version that changed, loaded, verified and warmed first.
   * A version that fails to load leaves the serving one in place and is reported.
   */
  public void refresh() {
    try {
      Deployment d = current.get();
      String primaryKey = primarySource.currentKey();
      String challengerKey = challengerSource == null ? null : challengerSource.currentKey();
      boolean primaryChanged = !primaryKey.equals(d.primary().sourceKey());
      boolean challengerChanged = challengerKey != null
          && !challengerKey.equals(d.challenger().sourceKey());
      if (!primaryChanged && !challengerChanged) {
        lastError = null;
        return;
      }
      ServedModel primary = primaryChanged ? reuseOrLoad(primarySource, primaryKey, d)
          : d.primary();
      ServedModel challenger = challengerChanged ? reuseOrLoad(challengerSource, challengerKey, d)
          : d.challenger();
      current.set(new Deployment(primary, challenger));
      retire(d.primary(), primary, challenger);
      retire(d.challenger(), primary, challenger);
      lastError = null;
      metrics.reload(name(), "swapped");
      LOG.info("Model '{}' now serves version {}{} (micro-batching {})", name(),
          primary.version(), challenger == null ? "" : " with challenger "
              + challenger.version(), primary.batchingDescription());
    } catch (KilnException | java.io.UncheckedIOException e) {
      lastError = e.getMessage();
      metrics.reload(name(), "failed");
      LOG.warn("Reloading model '{}' failed; the current version keeps serving: {}", name(),
          e.getMessage());
    }
  }

  private ServedModel reuseOrLoad(ModelSource source, String key, Deployment d) {
    if (d.challenger() != null && d.challenger().sourceKey().equals(key)
        && source.modelName().equals(challengerSource.modelName())) {
      return d.challenger();
    }
    if (d.primary().sourceKey().equals(key)) {
      return d.primary();
    }
    return load(source, key, null);
  }

  private ServedModel load(ModelSource source, String key, ServedModel sameAs) {
    if (sameAs != null && sameAs.sourceKey().equals(key)) {
      return sameAs;
    }
    ModelSource.Loaded loaded = source.load(key);
    ServedModel model = new ServedModel(name(), loaded.version(), key, loaded.bundle(), batching,
        metrics);
    try {
      WarmUp.run(model);
    } catch (RuntimeException e) {
      model.close();
      throw new KilnException("Version " + loaded.version() + " of model '" + name()
          + "' failed its warm-up prediction: " + e.getMessage(),
          "check that the bundle's schema and model agree", e);
    }
    return model;
  }

  private static void retire(ServedModel old, ServedModel primary, ServedModel challenger) {
    if (old != null && old != primary && old != challenger) {
      old.close();
    }
  }

  /** Stops every version's batcher after its waiting requests. */
  @Override
  public void close() {
    Deployment d = current.get();
    d.primary().close();
    if (d.challenger() != null && d.challenger() != d.primary()) {
      d.challenger().close();
    }
  }
}
