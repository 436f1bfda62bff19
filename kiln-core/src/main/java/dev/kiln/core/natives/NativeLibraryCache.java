package dev.kiln.core.natives;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;

/**
 * A per-user cache of the native libraries that Java libraries (XGBoost4J, DuckDB) ship inside
 * their jars. Their own loaders copy the library to the temp folder at every start (tens of MB,
 * left behind when the process is killed); this one copies it once, to
 * {@code ROOT/<size>-<crc32>/<file name>}, and afterwards only checks the copy.
 *
 * <p>The key and the check are the size and CRC-32 that the jar records for the entry, which cost
 * nothing to read (a SHA-256 of the copy would cost 0.1-0.3 s at every start of a JVM whose JIT has
 * not compiled the digest yet; CRC-32 runs natively at several GB/s). A copy is written to a temp
 * file in its own folder, checked, and renamed into place, so concurrent starts never see half a
 * file; a copy that no longer matches is written again. Folders are private to the user (0700).
 */
public final class NativeLibraryCache {
  /**
   * The system property naming the cache folder, e.g. the read-only folder a container image
   * fills when it is built.
   */
  public static final String DIR_PROPERTY = "kiln.native.dir";
  private static final Duration STALE_PART = Duration.ofMinutes(10);
  private static final String PART = ".part";

  private final Path root;

  private NativeLibraryCache(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /**
   * Returns the cache in {@value #DIR_PROPERTY} when set, else in {@code $XDG_CACHE_HOME/kiln/native},
   * else in {@code ~/.cache/kiln/native}.
   */
  public static NativeLibraryCache standard() {
    String dir = System.getProperty(DIR_PROPERTY);
    if (dir != null && !dir.isBlank()) {
      return new NativeLibraryCache(Path.of(dir));
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path cache = xdg != null && !xdg.isBlank() ? Path.of(xdg)
        : Path.of(System.getProperty("user.home"), ".cache");
    return new NativeLibraryCache(cache.resolve("kiln").resolve("native"));
  }

  /** Returns a cache in the given folder. */
  public static NativeLibraryCache at(Path root) {
    return new NativeLibraryCache(root);
  }

  /** Returns the cache's folder. */
  public Path root() {
    return root;
  }

  /**
   * Returns the cached copy of a library stored in a jar (or a class folder), copying it first
   * when the copy is missing or does not match the entry's size and CRC-32. A folder that holds a
   * good copy already is only read, so the cache may be read-only.
   *
   * @param resource the library inside the jar, from {@link ClassLoader#getResource}
   * @param fileName the name the copy must have, e.g. {@code libxgboost4j.so}
   * @throws IOException if the resource cannot be read, or the copy cannot be written
   */
  public Path extract(URL resource, String fileName) throws IOException {
    if (fileName.contains("/") || fileName.contains("\\") || fileName.startsWith(".")) {
      throw new IllegalArgumentException("Not a plain file name: '" + fileName + "'");
    }
    Checksum expected = expected(resource);
    Path dir = root.resolve(expected.key());
    Path target = dir.resolve(fileName);
    if (expected.matches(target)) {
      return target;
    }
    createPrivateDirectories(dir);
    deleteStaleParts(dir);
    write(resource, expected, target);
    return target;
  }

  private static void write(URL resource, Checksum expected, Path target) throws IOException {
    Path part = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", PART);
    try {
      CRC32 crc = new CRC32();
      long written;
      try (InputStream in = new CheckedInputStream(resource.openStream(), crc);
          OutputStream out = Files.newOutputStream(part)) {
        written = in.transferTo(out);
      }
      Checksum copied = new Checksum(written, crc.getValue());
      if (!copied.equals(expected)) {
        throw new IOException("the copy of " + resource + " has " + copied + ", the jar records "
            + expected);
      }
      if (posix()) {
        Files.setPosixFilePermissions(part, PosixFilePermissions.fromString("r-x------"));
      }
      Files.move(part, target, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(part);
    }
  }

  /** The size and CRC-32 the jar records for the entry, or those of its bytes when it has none. */
  private static Checksum expected(URL resource) throws IOException {
    URLConnection connection = resource.openConnection();
    if (connection instanceof JarURLConnection jar) {
      JarEntry entry = jar.getJarEntry();
      if (entry.getSize() >= 0 && entry.getCrc() >= 0) {
        return new Checksum(entry.getSize(), entry.getCrc());
      }
    }
    CRC32 crc = new CRC32();
    try (InputStream in = new CheckedInputStream(connection.getInputStream(), crc)) {
      long size = in.transferTo(OutputStream.nullOutputStream());
      return new Checksum(size, crc.getValue());
    }
  }

  private static void createPrivateDirectories(Path dir) throws IOException {
    if (!posix()) {
      Files.createDirectories(dir);
      return;
    }
    FileAttribute<Set<PosixFilePermission>> privateDir =
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
    Files.createDirectories(dir, privateDir);
  }

  /** Deletes the temp files of copies that were killed part-way (ones still being written stay). */
  private static void deleteStaleParts(Path dir) throws IOException {
    FileTime before = FileTime.from(Instant.now().minus(STALE_PART));
    try (DirectoryStream<Path> parts = Files.newDirectoryStream(dir, ".*" + PART)) {
      for (Path part : parts) {
        try {
          if (Files.getLastModifiedTime(part).compareTo(before) < 0) {
            Files.deleteIfExists(part);
          }
        } catch (IOException e) {
          // another start deleted or renamed it meanwhile
        }
      }
    }
  }

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }

  /** A library's size and CRC-32; its key names the folder its copy lives in. */
  private record Checksum(long size, long crc) {
    String key() {
      return size + "-" + String.format("%08x", crc);
    }

    boolean matches(Path file) {
      try (FileChannel channel = FileChannel.open(file)) {
        if (channel.size() != size) {
          return false;
        }
        CRC32 actual = new CRC32();
        actual.update(channel.map(FileChannel.MapMode.READ_ONLY, 0, size));
        return actual.getValue() == crc;
      } catch (IOException e) {
        return false;
      }
    }

    @Override
    public String toString() {
      return size + " bytes, CRC-32 " + String.format("%08x", crc);
    }
  }
}
