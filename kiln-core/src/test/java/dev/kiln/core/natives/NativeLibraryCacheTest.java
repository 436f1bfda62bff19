package dev.kiln.core.natives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeLibraryCacheTest {
  @TempDir Path tmp;

  @Test
  void extract_secondTime_reusesTheFileWithoutWritingIt() throws Exception {
    byte[] lib = bytes(200_000, 1);
    URL url = jarEntry("a.jar", lib);
    NativeLibraryCache cache = NativeLibraryCache.at(tmp.resolve("cache"));

    Path first = cache.extract(url, "libfake.so");
    Object inode = Files.readAttributes(first, "unix:ino").get("ino");
    Path second = cache.extract(url, "libfake.so");

    assertThat(second).isEqualTo(first);
    assertThat(Files.readAttributes(second, "unix:ino").get("ino")).isEqualTo(inode);
    assertThat(Files.readAllBytes(second)).isEqualTo(lib);
    assertThat(first.getParent().getParent()).isEqualTo(cache.root());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(first.getParent())))
        .isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(first)))
        .isEqualTo("r-x------");
  }

  @Test
  void extract_corruptedCopy_isDetectedAndReplaced() throws Exception {
    byte[] lib = bytes(100_000, 2);
    URL url = jarEntry("a.jar", lib);
    NativeLibraryCache cache = NativeLibraryCache.at(tmp.resolve("cache"));
    Path copy = cache.extract(url, "libfake.so");
    byte[] damaged = lib.clone();
    damaged[50_000] ^= 0x10; // same size, one bit off
    Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-------"));
    Files.write(copy, damaged);

    Path again = cache.extract(url, "libfake.so");

    assertThat(again).isEqualTo(copy);
    assertThat(Files.readAllBytes(again)).isEqualTo(lib);
  }

  @Test
  void extract_truncatedCopy_isReplaced() throws Exception {
    byte[] lib = bytes(100_000, 3);
    URL url = jarEntry("a.jar", lib);
    NativeLibraryCache cache = NativeLibraryCache.at(tmp.resolve("cache"));
    Path copy = cache.extract(url, "libfake.so");
    Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-------"));
    Files.write(copy, new byte[10]);

    assertThat(Files.readAllBytes(cache.extract(url, "libfake.so"))).isEqualTo(lib);
  }

  @Test
  void extract_otherContentOfTheSameName_getsItsOwnFolder() throws Exception {
    NativeLibraryCache cache = NativeLibraryCache.at(tmp.resolve("cache"));
    Path a = cache.extract(jarEntry("a.jar", bytes(1000, 4)), "libfake.so");
    Path b = cache.extract(jarEntry("b.jar", bytes(1000, 5)), "libfake.so");

    assertThat(a.getParent()).isNotEqualTo(b.getParent());
    assertThat(Files.readAllBytes(a)).isEqualTo(bytes(1000, 4));
    assertThat(Files.readAllBytes(b)).isEqualTo(bytes(1000, 5));
  }

  @Test
  void extract_concurrentStarts_allGetTheSameGoodCopyAndLeaveNoTempFiles() throws Exception {
    byte[] lib = bytes(2_000_000, 6);
    URL url = jarEntry("a.jar", lib);
    NativeLibraryCache cache = NativeLibraryCache.at(tmp.resolve("cache"));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<Path>> copies = new ArrayList<>();
    try {
      for (int i = 0; i < 8; i++) {
        copies.add(pool.submit(() -> cache.extract(url, "libfake.so")));
      }
      Path first = copies.get(0).get();
      for (Future<Path> copy : copies) {
        assertThat(copy.get()).isEqualTo(first);
      }
      assertThat(Files.readAllBytes(first)).isEqualTo(lib);
      try (Stream<Path> files = Files.list(first.getParent())) {
        assertThat(files).containsExactly(first);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void extract_resourceInAClassFolder_isKeyedByItsBytes() throws Exception {
    Path file = tmp.resolve("classes/lib/libfake.so");
    Files.createDirectories(file.getParent());
    Files.write(file, bytes(5000, 7));
    NativeLibraryCache cache = NativeLibraryCache.at(tmp.resolve("cache"));

    Path copy = cache.extract(file.toUri().toURL(), "libfake.so");

    assertThat(Files.readAllBytes(copy)).isEqualTo(bytes(5000, 7));
    assertThat(copy.getParent().getFileName().toString()).startsWith("5000-");
  }

  @Test
  void extract_goodCopyInAFolderThatCannotBeWritten_isUsedAsItIs() throws Exception {
    URL url = jarEntry("a.jar", bytes(3000, 8));
    Path image = tmp.resolve("image");
    Path copy = NativeLibraryCache.at(image).extract(url, "libfake.so");
    // a path below a regular file can never be created, not even by root
    Path blocker = tmp.resolve("blocker");
    Files.writeString(blocker, "not a folder");
    Path moved = blocker.resolve("x");

    assertThat(NativeLibraryCache.at(image).extract(url, "libfake.so")).isEqualTo(copy);
    assertThatThrownBy(() -> NativeLibraryCache.at(moved).extract(url, "libfake.so"))
        .isInstanceOf(IOException.class);
  }

  @Test
  void standard_followsThePropertyThenXdg() {
    String before = System.getProperty(NativeLibraryCache.DIR_PROPERTY);
    try {
      System.setProperty(NativeLibraryCache.DIR_PROPERTY, tmp.toString());
      assertThat(NativeLibraryCache.standard().root()).isEqualTo(tmp);
      System.clearProperty(NativeLibraryCache.DIR_PROPERTY);
      String xdg = System.getenv("XDG_CACHE_HOME");
      Path expected = xdg != null && !xdg.isBlank() ? Path.of(xdg, "kiln", "native")
          : Path.of(System.getProperty("user.home"), ".cache", "kiln", "native");
      assertThat(NativeLibraryCache.standard().root()).isEqualTo(expected.toAbsolutePath());
    } finally {
      if (before == null) {
        System.clearProperty(NativeLibraryCache.DIR_PROPERTY);
      } else {
        System.setProperty(NativeLibraryCache.DIR_PROPERTY, before);
      }
    }
  }

  @Test
  void extract_nameWithAFolder_isRefused() throws Exception {
    URL url = jarEntry("a.jar", bytes(10, 9));
    assertThatThrownBy(() -> NativeLibraryCache.at(tmp).extract(url, "../libfake.so"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private URL jarEntry(String jarName, byte[] content) throws IOException {
    Path jar = tmp.resolve(jarName);
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file)) {
      out.putNextEntry(new JarEntry("lib/libfake.so"));
      out.write(content);
      out.closeEntry();
    }
    return new URL("jar:" + jar.toUri() + "!/lib/libfake.so");
  }

  private static byte[] bytes(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }
}
