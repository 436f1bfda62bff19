package dev.kiln.tracking.internal.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.tracking.ArtifactInfo;
import dev.kiln.tracking.ArtifactStore;
import dev.kiln.tracking.ArtifactStores;
import dev.kiln.tracking.InvalidParameterException;
import dev.kiln.tracking.ResourceNotFoundException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalArtifactStoreTest {
  @TempDir Path dir;

  private static InputStream bytes(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  private static String read(ArtifactStore store, String path) throws Exception {
    try (InputStream in = store.get(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void put_thenOverwrite_getReturnsLatestAndLeavesNoTempFiles() throws Exception {
    ArtifactStore store = ArtifactStores.local(dir.resolve("run1"));
    store.put("model/bundle.json", bytes("{\"v\":1}"));
    store.put("model/bundle.json", bytes("{\"v\":2}"));
    store.put("metrics.csv", bytes("a,b"));
    assertThat(read(store, "model/bundle.json")).isEqualTo("{\"v\":2}");
    assertThat(store.list("")).containsExactly(new ArtifactInfo("metrics.csv", false, 3),
        new ArtifactInfo("model", true, -1));
    try (var files = Files.list(dir.resolve("run1/model"))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("bundle.json");
    }
  }

  @Test
  void put_writeFailsMidway_keepsPreviousFileAndLeavesNoPartialFile() throws Exception {
    ArtifactStore store = ArtifactStores.local(dir.resolve("run1"));
    store.put("model/bundle.json", bytes("{\"v\":1}"));
    InputStream failing = new InputStream() {
      private int given;

      @Override
      public int read() throws java.io.IOException {
        if (given++ >= 50_000) {
          throw new java.io.IOException("No space left on device");
        }
        return 'x';
      }
    };
    assertThatThrownBy(() -> store.put("model/bundle.json", failing))
        .isInstanceOf(dev.kiln.tracking.TrackingException.class)
        .hasMessageContaining("No space left on device")
        .hasMessageContaining("model/bundle.json");
    assertThat(read(store, "model/bundle.json")).isEqualTo("{\"v\":1}");
    try (var files = Files.walk(dir.resolve("run1"))) {
      assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
          .containsExactly("bundle.json");
    }
  }

  @Test
  void delete_directory_removesTreeAndGetThrowsNotFound() {
    ArtifactStore store = ArtifactStores.local(dir);
    store.put("model/a/b.bin", bytes("x"));
    store.delete("model");
    assertThat(store.list("")).isEmpty();
    assertThatThrownBy(() -> store.get("model/a/b.bin"))
        .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("'model/a/b.bin'");
    store.delete("model");
  }

  @Test
  void put_escapingPaths_throwWithReason() {
    ArtifactStore store = ArtifactStores.local(dir.resolve("run"));
    assertThatThrownBy(() -> store.put("../x", bytes("x")))
        .isInstanceOf(InvalidParameterException.class).hasMessageContaining("'..' segment");
    assertThatThrownBy(() -> store.put("a/../../x", bytes("x")))
        .hasMessageContaining("'..' segment");
    assertThatThrownBy(() -> store.put("/etc/passwd", bytes("x")))
        .hasMessageContaining("absolute");
    assertThat(dir.resolve("x")).doesNotExist();
  }

  @Test
  void put_throughSymlinkOutsideRoot_isRejected() throws Exception {
    Path outside = Files.createDirectories(dir.resolve("outside"));
    ArtifactStore store = ArtifactStores.local(dir.resolve("run"));
    Files.createSymbolicLink(dir.resolve("run/link"), outside);
    assertThatThrownBy(() -> store.put("link/secret.txt", bytes("x")))
        .isInstanceOf(InvalidParameterException.class).hasMessageContaining("symbolic link");
    assertThatThrownBy(() -> store.get("link/secret.txt"))
        .isInstanceOf(InvalidParameterException.class);
    assertThat(outside.resolve("secret.txt")).doesNotExist();
  }
}
