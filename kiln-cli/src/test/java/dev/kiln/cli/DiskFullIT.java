package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.catalog.AtomicFiles;
import dev.kiln.tracking.ArtifactStore;
import dev.kiln.tracking.ArtifactStores;
import dev.kiln.tracking.TrackingException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fills a real size-limited file system while Kiln writes to it: an artifact upload, a dataset
 * file and a pipeline output each fail with the disk's own error, leave no partial file behind
 * and keep the previous version whole; a run resumes once there is space again.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class DiskFullIT {
  @TempDir Path work;

  private static byte[] random(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  private static List<String> filesUnder(Path root) throws IOException {
    try (Stream<Path> tree = Files.walk(root)) {
      return tree.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted()
          .toList();
    }
  }

  @Test
  void artifactPut_diskFull_failsWithoutPartialFileAndKeepsPreviousVersion() throws Exception {
    try (SmallDisk disk = SmallDisk.mount(work.resolve("disk"), 1024)) {
      ArtifactStore store = ArtifactStores.local(disk.root().resolve("artifacts"));
      byte[] v1 = random(200_000, 1);
      store.put("0/run1/artifacts/model.bin", new ByteArrayInputStream(v1));
      assertThatThrownBy(() -> store.put("0/run1/artifacts/model.bin",
          new ByteArrayInputStream(random(2_000_000, 2))))
          .isInstanceOf(TrackingException.class).hasMessageContaining("No space left on device");
      try (InputStream in = store.get("0/run1/artifacts/model.bin")) {
        assertThat(in.readAllBytes()).isEqualTo(v1);
      }
      assertThat(filesUnder(disk.root())).containsExactly("artifacts/0/run1/artifacts/model.bin");
      store.put("0/run1/artifacts/notes.txt", new ByteArrayInputStream("ok".getBytes()));
      assertThat(store.list("0/run1/artifacts")).hasSize(2);
    }
  }

  @Test
  void datasetFile_diskFull_keepsPreviousFileWhole() throws Exception {
    try (SmallDisk disk = SmallDisk.mount(work.resolve("disk"), 1024)) {
      Path target = disk.root().resolve("data/summary.json");
      byte[] v1 = random(300_000, 3);
      AtomicFiles.write(target, v1);
      assertThatThrownBy(() -> AtomicFiles.write(target, random(2_000_000, 4)))
          .isInstanceOf(IOException.class).hasMessageContaining("No space left on device");
      assertThat(Files.readAllBytes(target)).isEqualTo(v1);
      assertThat(filesUnder(disk.root())).containsExactly("data/summary.json");
    }
  }

  @Test
  void kilnRun_outputOnFullDisk_failsCleanly_thenResumesWhenSpaceIsBack() throws Exception {
    Path project = FaultProject.copy(work);
    try (SmallDisk disk = SmallDisk.mount(work.resolve("disk"), 8192)) {
      Path features = disk.root().resolve("features.csv");
      Files.writeString(project.resolve("conf/base/catalog.yml"), Files.readString(
          project.resolve("conf/base/catalog.yml")).replace("data/features.csv",
          features.toString()));
      try (KilnProcess first = KilnProcess.start(Map.of(), "run", "--project",
          project.toString())) {
        assertThat(first.exitCode()).as(first.output()).isZero();
      }
      byte[] written = Files.readAllBytes(features);
      Path filler = disk.root().resolve("filler");
      disk.fill(filler);

      try (KilnProcess full = KilnProcess.start(Map.of(), "run", "--project",
          project.toString(), "--no-cache")) {
        assertThat(full.exitCode()).as(full.output()).isEqualTo(Main.RUN_FAILED);
        assertThat(full.output()).contains("Node 'featurize' failed", "features",
            "No space left on device", "--from-failed").doesNotContain("\tat ");
      }
      assertThat(Files.readAllBytes(features)).as("the previous output, whole")
          .isEqualTo(written);
      assertThat(filesUnder(disk.root())).containsExactly("features.csv", "filler");

      Files.delete(filler);
      try (KilnProcess resumed = KilnProcess.start(Map.of(), "run", "--project",
          project.toString(), "--from-failed")) {
        assertThat(resumed.exitCode()).as(resumed.output()).isZero();
      }
      assertThat(Files.readAllBytes(features)).isEqualTo(written);
      assertThat(Files.readString(project.resolve("data/report.txt"))).contains("rows = ");
    }
  }
}
