package dev.kiln.ui.internal;

import dev.kiln.ml.bundle.LoadOptions;
import dev.kiln.ml.bundle.LoadedBundle;
import dev.kiln.ml.bundle.ModelBundle;
import dev.kiln.tracking.ArtifactStore;
import dev.kiln.tracking.ModelVersion;
import dev.kiln.tracking.ModelVersions;
import dev.kiln.tracking.TrackingStore;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Registered versions loaded as bundles, the few most recently used kept in memory. A download
 * is verified like any bundle (checksums, signature policy from the environment) and deleted
 * once loaded; a registered version never changes, so its bundle is cached by name and number.
 */
public final class BundleCache {
  private static final int KEPT = 4;

  private final TrackingStore store;
  private final ModelVersions versions;
  private final Map<String, LoadedBundle> loaded = new LinkedHashMap<>(8, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, LoadedBundle> eldest) {
      return size() > KEPT;
    }
  };

  /** Creates a cache over the registry of a store and its artifact store. */
  public BundleCache(TrackingStore store, ArtifactStore artifacts) {
    this.store = store;
    this.versions = new ModelVersions(store, artifacts);
  }

  /** Returns the registered version. */
  public ModelVersion version(String name, long version) {
    return store.getModelVersion(name, version);
  }

  /** Returns a version's bundle, loading it on first use. */
  public synchronized LoadedBundle get(String name, long version) {
    String key = name + "\0" + version;
    LoadedBundle bundle = loaded.get(key);
    if (bundle == null) {
      bundle = load(store.getModelVersion(name, version));
      loaded.put(key, bundle);
    }
    return bundle;
  }

  private LoadedBundle load(ModelVersion version) {
    try (ModelVersions.Download d = versions.downloadTemporary(version, null)) {
      return ModelBundle.load(d.bundle(), LoadOptions.fromEnvironment());
    }
  }
}
