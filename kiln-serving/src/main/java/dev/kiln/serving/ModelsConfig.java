package dev.kiln.serving;

import dev.kiln.core.KilnException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the model server serves: each model's primary version and at most one challenger
 * (canary or shadow), how requests are checked and batched, and how often sources are checked
 * for a new version. Models are bundle folders or zips, registry references resolved through
 * {@link #registry}, or any {@link ModelSource}.
 */
public final class ModelsConfig {
  /** Resolves a registry reference that is not a bundle path. */
  @FunctionalInterface
  public interface Registry {
    /**
     * Returns the source of {@code NAME@alias}, {@code NAME:version} or {@code NAME}.
     *
     * @throws KilnException if the registry has no such model or alias
     */
    ModelSource source(String reference);
  }

  private record Entry(String reference, ModelSource source, Traffic traffic) {}

  private final List<Entry> primaries = new ArrayList<>();
  private final List<Entry> challengers = new ArrayList<>();
  private Registry registry;
  private int maxRows = 10_000;
  private BatchingConfig batching = BatchingConfig.defaults();
  private Duration reloadInterval = Duration.ofSeconds(5);

  /** Serves a model from a bundle path or a registry reference. */
  public ModelsConfig serve(String reference) {
    primaries.add(new Entry(reference, null, Traffic.none()));
    return this;
  }

  /** Serves a model from a source. */
  public ModelsConfig serve(ModelSource source) {
    primaries.add(new Entry(source.reference(), source, Traffic.none()));
    return this;
  }

  /** Sends {@code percent} of the requests for the model of the same name to this version. */
  public ModelsConfig canary(String reference, double percent) {
    challengers.add(new Entry(reference, null, canaryTraffic(reference, percent)));
    return this;
  }

  /** Mirrors every request for the model of the same name to this version (answers logged). */
  public ModelsConfig shadow(String reference) {
    challengers.add(new Entry(reference, null, new Traffic(Traffic.Mode.SHADOW, 0)));
    return this;
  }

  /** Resolves references that are not bundle paths; without one they are refused. */
  public ModelsConfig registry(Registry resolver) {
    this.registry = resolver;
    return this;
  }

  /** Sets the most rows in one request; more get 413. */
  public ModelsConfig maxRows(int rows) {
    this.maxRows = rows;
    return this;
  }

  /** Sets micro-batching. */
  public ModelsConfig batching(BatchingConfig config) {
    this.batching = config;
    return this;
  }

  /** Sets how often sources are checked for a new version; zero never reloads. */
  public ModelsConfig reloadInterval(Duration interval) {
    this.reloadInterval = interval;
    return this;
  }

  /** Returns how often sources are checked for a new version (zero: never). */
  public Duration reloadInterval() {
    return reloadInterval;
  }

  private static Traffic canaryTraffic(String reference, double percent) {
    if (!(percent >= 0 && percent <= 100)) {
      String shown = percent == Math.rint(percent) ? Long.toString((long) percent)
          : Double.toString(percent);
      throw new KilnException("Canary percent '" + shown + "' of " + reference + " is not"
          + " within 0..100.", "e.g. --canary fraud-detection@challenger=10");
    }
    return new Traffic(Traffic.Mode.CANARY, percent);
  }

  /**
   * Loads every model and pairs each challenger with the primary of its name.
   *
   * @throws KilnException for no model, invalid limits, an unknown reference, a model given
   *     twice, two challengers of one model, or a challenger of a model not served
   */
  ModelRepository build(ServingMetrics metrics) {
    if (primaries.isEmpty()) {
      throw new KilnException("No model to serve.", "give a bundle path or NAME@alias");
    }
    if (maxRows < 1 || batching.maxRows() < 1 || reloadInterval.isNegative()) {
      throw new KilnException("The most rows per request and per batch must be at least 1 and"
          + " the reload interval zero or more; got " + maxRows + ", " + batching.maxRows()
          + " and " + reloadInterval + ".", null);
    }
    Map<String, ModelSource> challengerSources = new LinkedHashMap<>();
    Map<String, Traffic> traffic = new LinkedHashMap<>();
    for (Entry c : challengers) {
      ModelSource source = source(c);
      if (challengerSources.put(source.modelName(), source) != null) {
        throw new KilnException("Model '" + source.modelName() + "' has more than one canary or"
            + " shadow.", "give one --canary or --shadow per model");
      }
      traffic.put(source.modelName(), c.traffic());
    }
    ModelRepository repository = new ModelRepository(maxRows);
    for (Entry p : primaries) {
      ModelSource primary = source(p);
      String name = primary.modelName();
      try {
        repository.add(new ModelSlot(primary, challengerSources.remove(name),
            traffic.getOrDefault(name, Traffic.none()), batching, metrics));
      } catch (IllegalArgumentException e) {
        repository.close();
        throw new KilnException(e.getMessage(), "serve each model once");
      }
    }
    if (!challengerSources.isEmpty()) {
      repository.close();
      throw new KilnException("Canary or shadow versions name models that are not served: "
          + challengerSources.keySet() + ".", "serve the primary version of that model too");
    }
    return repository;
  }

  private ModelSource source(Entry entry) {
    if (entry.source() != null) {
      return entry.source();
    }
    Path path = Path.of(entry.reference());
    if (Files.exists(path) || registry == null) {
      return new BundleSource(path);
    }
    return registry.source(entry.reference());
  }
}
