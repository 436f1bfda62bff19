package dev.kiln.ml.xgboost;

import dev.kiln.core.natives.NativeLibraryCache;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.URL;
import java.nio.file.Path;
import java.util.Locale;
import ml.dmlc.xgboost4j.java.Booster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * XGBoost4J's native library, loaded from Kiln's {@link NativeLibraryCache} instead of the copy
 * XGBoost4J writes to the temp folder at every start (15 MB, left there when the process is
 * killed).
 *
 * <p>XGBoost4J 3.0 has no option to load a library that is already unpacked (its
 * {@code xgboostruntime.native.xgboost4j} property names another resource, which it copies too),
 * so Kiln loads the cached copy from the class loader XGBoost4J's classes live in (Java binds
 * their native methods to any library that loader loaded) and marks XGBoost4J's loader done.
 * When that is not possible (another XGBoost4J version, a cache that cannot be written, the
 * property set), XGBoost4J loads the library its own way, as before.
 */
public final class XGBoostLibrary {
  private static final Logger LOG = LoggerFactory.getLogger(XGBoostLibrary.class);
  private static final String LOADER = "ml.dmlc.xgboost4j.java.NativeLibLoader";
  private static final String RESOURCE_PROPERTY = "xgboostruntime.native.xgboost4j";

  private XGBoostLibrary() {}

  /**
   * Returns the library's path inside XGBoost4J's jar for this platform, e.g.
   * {@code lib/linux/x86_64/libxgboost4j.so}, or null on a platform XGBoost4J has none for.
   */
  public static String resource() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    String platform = os.contains("mac") || os.contains("darwin") ? "macos"
        : os.contains("win") ? "windows" : os.contains("nux") ? "linux" : null;
    String cpu = arch.equals("amd64") || arch.equals("x86_64") ? "x86_64"
        : arch.equals("aarch64") || arch.equals("arm64") ? "aarch64" : null;
    return platform == null || cpu == null ? null
        : "lib/" + platform + "/" + cpu + "/" + System.mapLibraryName("xgboost4j");
  }

  /**
   * Loads the library from the cache once, before the first use of XGBoost4J; returns whether it
   * did (false: XGBoost4J loads it its own way).
   */
  static boolean load() {
    return Once.LOADED;
  }

  /** Loads the library when this class is first used; the JVM runs it once for all threads. */
  private static final class Once {
    static final boolean LOADED = loadFromCache();
  }

  private static boolean loadFromCache() {
    ClassLoader xgboost = Booster.class.getClassLoader();
    String resource = resource();
    URL url = resource == null || xgboost == null ? null : xgboost.getResource(resource);
    if (url == null || System.getProperty(RESOURCE_PROPERTY) != null
        || XGBoostLibrary.class.getClassLoader() != xgboost) {
      return false;
    }
    Class<?> loader;
    Field loaded;
    try {
      loader = Class.forName(LOADER, true, xgboost);
      loaded = loader.getDeclaredField("initialized");
      loaded.setAccessible(true);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
    synchronized (loader) { // XGBoost4J's initXGBoost is static synchronized on this class
      try {
        if (loaded.getBoolean(null)) {
          return true;
        }
        Path library = cached(url, resource);
        if (library == null) {
          return false;
        }
        System.load(library.toString());
        loaded.setBoolean(null, true);
        return true;
      } catch (IllegalAccessException e) {
        return false;
      } catch (UnsatisfiedLinkError e) {
        LOG.warn("XGBoost's native library in Kiln's cache could not be loaded ({}); XGBoost"
            + " copies it to the temp folder instead. Hint: a cache on a file system mounted"
            + " noexec cannot hold libraries; point -D{} at another folder.", e.getMessage(),
            NativeLibraryCache.DIR_PROPERTY);
        return false;
      }
    }
  }

  private static Path cached(URL url, String resource) {
    NativeLibraryCache cache = NativeLibraryCache.standard();
    try {
      return cache.extract(url, resource.substring(resource.lastIndexOf('/') + 1));
    } catch (IOException | RuntimeException e) {
      LOG.warn("Kiln could not keep XGBoost's native library in its cache '{}' ({}), so XGBoost"
          + " copies it to the temp folder at each start instead. Hint: make that folder"
          + " writable, or point -D{} at one that is.", cache.root(), e.getMessage(),
          NativeLibraryCache.DIR_PROPERTY);
      return null;
    }
  }
}
