package dev.kiln.core.catalog;

import dev.kiln.core.config.ConfigMaps;
import dev.kiln.core.config.ProjectConfig;
import dev.kiln.core.pipeline.DatasetRef;
import dev.kiln.core.pipeline.Names;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registry of datasets a run reads and writes: entries from {@code catalog.yml} (explicit or
 * factory patterns), {@code params:} datasets from the parameters, and a memory dataset for any
 * other name. Datasets are created on first use and are safe to use from several threads.
 */
public final class DataCatalog {
  private final Map<String, CatalogEntry> entries;
  private final DatasetFactories factories;
  private final Map<String, Object> parameters;
  private final Map<String, Map<String, String>> credentials;
  private final DatasetTypes types;
  private final CatalogSettings settings;
  private final Map<String, Dataset<?>> datasets = new ConcurrentHashMap<>();

  /**
   * Run-wide catalog settings.
   *
   * @param projectDir the folder relative paths resolve against
   * @param loadVersions pinned versions of versioned datasets, by name
   * @param saveVersion the version every versioned save of this run uses
   */
  public record CatalogSettings(java.nio.file.Path projectDir, Map<String, String> loadVersions,
      String saveVersion) {
    /** Copies the map. */
    public CatalogSettings {
      loadVersions = Map.copyOf(loadVersions);
    }

    /** Returns settings with no pinned versions and a save version taken from the clock. */
    public static CatalogSettings defaults(java.nio.file.Path projectDir) {
      return of(projectDir, Map.of(), Instant.now());
    }

    /** Returns settings whose save version is the run's start time. */
    public static CatalogSettings of(java.nio.file.Path projectDir,
        Map<String, String> loadVersions, Instant runStart) {
      return new CatalogSettings(projectDir, loadVersions, VersionedDataset.versionOf(runStart));
    }
  }

  private DataCatalog(ProjectConfig config, DatasetTypes types, CatalogSettings settings) {
    this.types = types;
    this.settings = settings;
    this.parameters = config.parameters();
    this.credentials = config.credentials();
    this.entries = new TreeMap<>();
    List<CatalogEntry> patterns = new ArrayList<>();
    config.catalog().forEach((name, value) -> {
      if (name.startsWith("_")) {
        return;
      }
      CatalogEntry entry = CatalogEntry.parse(name, value);
      types.get(entry.type(), name);
      if (entry.isPattern()) {
        patterns.add(entry);
      } else {
        entries.put(name, entry);
      }
    });
    this.factories = new DatasetFactories(patterns);
  }

  /**
   * Creates the catalog of a project configuration.
   *
   * @throws DatasetException if an entry is malformed or has an unknown type
   */
  public static DataCatalog create(ProjectConfig config, ClassLoader loader,
      CatalogSettings settings) {
    return new DataCatalog(config, DatasetTypes.discover(loader), settings);
  }

  /**
   * Returns the dataset with this name: declared, matched by a pattern, a parameter, or a new
   * memory dataset.
   *
   * @throws DatasetException if a parameter is not defined or an entry is invalid
   */
  public Dataset<?> dataset(String name) {
    Dataset<?> existing = datasets.get(name);
    return existing != null ? existing : datasets.computeIfAbsent(name, this::create);
  }

  /** Returns whether the name is declared, matched by a pattern or a defined parameter. */
  public boolean isDeclared(String name) {
    return entry(name).isPresent() || (DatasetRef.isParameter(name) && parameter(name) != null);
  }

  /** Returns whether saves to this dataset outlive the run (declared and not a parameter). */
  public boolean isPersisted(String name) {
    return !DatasetRef.isParameter(name) && entry(name).isPresent();
  }

  /** Drops the value of a memory dataset after its last consumer ran. */
  public void release(String name) {
    if (datasets.get(name) instanceof MemoryDataset memory) {
      memory.release();
    }
  }

  /** Returns the parameters of this catalog. */
  public Map<String, Object> parameters() {
    return parameters;
  }

  /** Returns the explicit (non-pattern) entries, by name. */
  public Map<String, CatalogEntry> entries() {
    return java.util.Collections.unmodifiableMap(entries);
  }

  /**
   * Returns the file or folder of a declared dataset (see {@link Dataset#location()}), if it
   * has one.
   */
  public Optional<java.nio.file.Path> filepath(String name) {
    return isPersisted(name) ? dataset(name).location() : Optional.empty();
  }

  /** Returns the entry that declares a name, resolving patterns. */
  public Optional<CatalogEntry> entry(String name) {
    CatalogEntry explicit = entries.get(name);
    return explicit != null ? Optional.of(explicit) : factories.match(name);
  }

  private Dataset<?> create(String name) {
    if (DatasetRef.isParameter(name)) {
      return new ParameterDataset(name, requireParameter(name));
    }
    return entry(name).<Dataset<?>>map(this::instantiate).orElseGet(() -> new MemoryDataset(name));
  }

  private Dataset<?> instantiate(CatalogEntry entry) {
    DatasetType type = types.get(entry.type(), entry.name());
    DatasetSpec spec = new DatasetSpec(entry.name(), entry.options(), settings.projectDir(),
        credentialsOf(entry));
    if (!entry.versioned()) {
      return type.create(spec);
    }
    return new VersionedDataset(type, spec, settings.loadVersions().get(entry.name()),
        settings.saveVersion());
  }

  private Map<String, String> credentialsOf(CatalogEntry entry) {
    if (entry.credentials() == null) {
      return Map.of();
    }
    Map<String, String> found = credentials.get(entry.credentials());
    if (found == null) {
      throw new DatasetException("Catalog entry '" + entry.name() + "' uses credentials '"
          + entry.credentials() + "', which are not defined.", "define them in"
          + " conf/local/credentials.yml; values may read environment variables as ${env:NAME}");
    }
    return found;
  }

  private Object parameter(String name) {
    if ("parameters".equals(name)) {
      return parameters;
    }
    return ConfigMaps.get(parameters, name.substring(DatasetRef.PARAMS_PREFIX.length()));
  }

  private Object requireParameter(String name) {
    Object value = parameter(name);
    if (value == null) {
      String key = name.substring(DatasetRef.PARAMS_PREFIX.length());
      String hint = Names.closest(key, ConfigMaps.flatten(parameters).keySet())
          .map(c -> "did you mean 'params:" + c + "'?")
          .orElse("add '" + key + "' to conf/base/parameters.yml or pass --params " + key + "=...");
      throw new DatasetException("Parameter '" + key + "' is not defined.", hint);
    }
    return value;
  }

  /** Returns a short description of every explicit entry, for listings. */
  public Map<String, String> describe() {
    Map<String, String> result = new LinkedHashMap<>();
    entries.forEach((name, e) -> result.put(name, e.type()
        + Optional.ofNullable(e.options().get("filepath")).map(p -> " " + p).orElse("")
        + (e.versioned() ? " (versioned)" : "")));
    return result;
  }
}
