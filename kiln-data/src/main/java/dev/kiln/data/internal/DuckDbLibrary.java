package dev.kiln.data.internal;

import dev.kiln.core.KilnException;
import dev.kiln.core.natives.NativeLibraryCache;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.duckdb.DuckDBDriver;

/**
 * DuckDB's native library as the runnable kiln.jar carries it: under {@value #KILN_PATH} rather
 * than under DuckDB's own name. DuckDB's JDBC driver copies a library it finds under its own name
 * to the temp folder at every start (57 MB, left there when the process is killed); without one it
 * loads {@code libduckdb_java.so} from {@code java.library.path}, or
 * {@code libduckdb_java.so_<os>_<arch>} beside its jar. So this copies the library once into
 * Kiln's {@link NativeLibraryCache} and links it beside the jar, where DuckDB loads it in place.
 *
 * <p>With DuckDB's own jar on the class path (Kiln used as a library, its tests) there is nothing
 * to do: the driver loads its library its own way.
 */
public final class DuckDbLibrary {
  /** The folder inside kiln.jar that holds DuckDB's library. */
  public static final String KILN_PATH = "META-INF/kiln/native/";

  private DuckDbLibrary() {}

  /**
   * Makes the library loadable by DuckDB once per JVM, before its first connection.
   *
   * @throws KilnException naming the option to add when the library can be neither cached nor
   *     linked beside the jar
   */
  public static void prepare() {
    if (Once.PROBLEM != null) {
      throw new KilnException(Once.PROBLEM.getMessage(), Once.PROBLEM.hint().orElse(null),
          Once.PROBLEM);
    }
  }

  /**
   * Returns the name DuckDB gives its library for this platform, e.g.
   * {@code libduckdb_java.so_linux_amd64}, or null on a platform it ships none for.
   */
  public static String duckDbName() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).trim();
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT).trim();
    String platform = os.startsWith("windows") ? "windows" : os.startsWith("mac") ? "osx"
        : os.startsWith("linux") ? "linux" : null;
    String cpu = "osx".equals(platform) ? "universal"
        : arch.equals("amd64") || arch.equals("x86_64") ? "amd64"
        : arch.equals("aarch64") || arch.equals("arm64") ? "arm64" : null;
    return platform == null || cpu == null ? null : "libduckdb_java.so_" + platform + "_" + cpu;
  }

  /** Prepares the library when this class is first used; the JVM runs it once for all threads. */
  private static final class Once {
    static final KilnException PROBLEM = prepareOnce();
  }

  private static KilnException prepareOnce() {
    ClassLoader loader = DuckDBDriver.class.getClassLoader();
    String name = duckDbName();
    URL kiln = name == null || loader == null ? null : loader.getResource(KILN_PATH + name);
    if (kiln == null || loader.getResource(name) != null || onLibraryPath()) {
      return null;
    }
    NativeLibraryCache cache = NativeLibraryCache.standard();
    Path cached;
    try {
      cached = cache.extract(kiln, System.mapLibraryName("duckdb_java"));
    } catch (IOException | RuntimeException e) {
      return new KilnException("DuckDB's native library cannot be kept in Kiln's cache '"
          + cache.root() + "': " + e.getMessage(), "make that folder writable, or point -D"
          + NativeLibraryCache.DIR_PROPERTY + " at one that is", e);
    }
    Path link = null;
    try {
      link = jarFolder().resolve(name);
      link(link, cached);
      return null;
    } catch (IOException | URISyntaxException | RuntimeException e) {
      return new KilnException("DuckDB loads its native library only from java.library.path or"
          + " beside its jar, and " + (link == null ? "that jar's folder is unknown"
          : "'" + link + "' cannot be linked to Kiln's cached copy (" + e.getMessage() + ")")
          + ".", "start Java with -Djava.library.path=" + cached.getParent(), e);
    }
  }

  private static boolean onLibraryPath() {
    String file = System.mapLibraryName("duckdb_java");
    for (String dir : System.getProperty("java.library.path", "").split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isRegularFile(Path.of(dir, file))) {
        return true;
      }
    }
    return false;
  }

  /** The folder DuckDB looks in: its jar's, with links resolved, as DuckDB resolves it. */
  private static Path jarFolder() throws URISyntaxException, IOException {
    URL jar = DuckDBDriver.class.getProtectionDomain().getCodeSource().getLocation();
    return Path.of(jar.toURI()).getParent().toRealPath();
  }

  /** Points link at target, replacing whatever is there in one step. */
  private static void link(Path link, Path target) throws IOException {
    if (Files.exists(link) && Files.isSameFile(link, target)) {
      return;
    }
    Path part = link.resolveSibling("." + link.getFileName() + "."
        + ProcessHandle.current().pid() + ".link");
    Files.deleteIfExists(part);
    Files.createSymbolicLink(part, target);
    try {
      Files.move(part, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(part);
    }
  }
}
