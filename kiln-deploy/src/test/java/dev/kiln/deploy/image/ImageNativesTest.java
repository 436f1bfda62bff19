package dev.kiln.deploy.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.natives.NativeLibraryCache;
import dev.kiln.ml.xgboost.XGBoostLibrary;
import java.io.OutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageNativesTest {
  @TempDir Path dir;

  @Test
  void unpack_laysOutTheCacheTheServerReadsWithoutWriting() throws Exception {
    String resource = XGBoostLibrary.resource();
    byte[] library = new byte[50_000];
    new Random(1).nextBytes(library);
    Path jar = jar(resource, library);
    Path folder = dir.resolve("native");

    assertThat(ImageNatives.unpack(jar, folder)).isTrue();

    List<Path> files;
    try (Stream<Path> walk = Files.walk(folder)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    assertThat(files).hasSize(1);
    Path unpacked = files.get(0);
    assertThat(unpacked.getFileName().toString()).isEqualTo("libxgboost4j.so");
    assertThat(Files.readAllBytes(unpacked)).isEqualTo(library);
    // what XGBoostLibrary does in the container: finds the copy and leaves it as it is
    Object inode = Files.getAttribute(unpacked, "unix:ino");
    URL inJar = new URL("jar:" + jar.toUri() + "!/" + resource);
    Path found = NativeLibraryCache.at(folder).extract(inJar, "libxgboost4j.so");
    assertThat(found).isEqualTo(unpacked);
    assertThat(Files.getAttribute(found, "unix:ino")).isEqualTo(inode);
  }

  @Test
  void unpack_jarWithoutTheLibrary_addsNothing() throws Exception {
    Path jar = jar("other/file.txt", new byte[] {1, 2, 3});
    Path folder = dir.resolve("native");

    assertThat(ImageNatives.unpack(jar, folder)).isFalse();
    assertThat(folder).doesNotExist();
  }

  private Path jar(String entry, byte[] content) throws Exception {
    Path jar = dir.resolve("kiln.jar");
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file)) {
      out.putNextEntry(new JarEntry(entry));
      out.write(content);
      out.closeEntry();
    }
    return jar;
  }
}
