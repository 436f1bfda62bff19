package dev.kiln.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path dir;

  @Test
  void write_writerFailsHalfway_keepsOldContentAndNoTemporaryFile() throws Exception {
    Path target = dir.resolve("sub/out.txt");
    AtomicFiles.write(target, "old".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
      out.write("half".getBytes(StandardCharsets.UTF_8));
      throw new IOException("disk full");
    })).hasMessage("disk full");
    assertThat(target).hasContent("old");
    try (Stream<Path> files = Files.list(target.getParent())) {
      assertThat(files).containsExactly(target);
    }
  }

  @Test
  void writeCheckpoint_replacesWholeFile_andMoveTakesAFolder() throws Exception {
    Path target = dir.resolve("state.json");
    AtomicFiles.writeCheckpoint(target, "{\"n\": 1}".getBytes(StandardCharsets.UTF_8));
    AtomicFiles.writeCheckpoint(target, "{\"n\": 2}".getBytes(StandardCharsets.UTF_8));
    assertThat(target).hasContent("{\"n\": 2}");

    Path tmp = Files.createDirectories(dir.resolve(".bundle.tmp/inner"));
    Files.writeString(tmp.resolve("model.json"), "{}");
    AtomicFiles.move(dir.resolve(".bundle.tmp"), dir.resolve("bundle"));
    assertThat(dir.resolve("bundle/inner/model.json")).hasContent("{}");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("state.json", "bundle");
    }
  }
}
