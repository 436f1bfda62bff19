package dev.kiln.tracking.internal.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.runner.RunOwner;
import dev.kiln.tracking.ArtifactStores;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unfinished uploads: named after their writer, swept when the writer is gone. */
class PartFilesTest {
  private static final String HOST = RunOwner.hostName().replaceAll("[^A-Za-z0-9.-]", "_");

  @TempDir Path dir;

  private Path part(String folder, String name, Instant modified) throws Exception {
    Path file = Files.createDirectories(dir.resolve(folder)).resolve(name);
    Files.writeString(file, "half an upload");
    Files.setLastModifiedTime(file, FileTime.from(modified));
    return file;
  }

  private static long deadPid() throws Exception {
    Process p = new ProcessBuilder("true").start();
    assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
    return p.pid();
  }

  @Test
  void open_deletesPartsOfDeadOrReplacedWriters_keepsLiveForeignAndUserFiles() throws Exception {
    Instant now = Instant.now();
    long self = ProcessHandle.current().pid();
    Instant jvmStart = ProcessHandle.current().info().startInstant().orElseThrow();
    Path dead = part("0/run/artifacts", ".kiln-" + deadPid() + "@" + HOST + "-123.part", now);
    Path reused = part("0/run/artifacts/model", ".kiln-" + self + "@" + HOST + "-7.part",
        jvmStart.minus(Duration.ofMinutes(5)));
    Path oldLegacy = part("1", ".kiln-4242424242.part", now.minus(Duration.ofDays(2)));
    Path live = part("0/run/artifacts", ".kiln-" + self + "@" + HOST + "-9.part", now);
    Path freshLegacy = part("1", ".kiln-55.part", now.minus(Duration.ofHours(1)));
    Path foreign = part("1", ".kiln-" + deadPid() + "@other-host.example-3.part",
        now.minus(Duration.ofHours(1)));
    Path userFile = part("1", "weights.part", now.minus(Duration.ofDays(9)));

    ArtifactStores.local(dir);

    for (Path gone : List.of(dead, reused, oldLegacy)) {
      assertThat(gone).as("stale").doesNotExist();
    }
    for (Path kept : List.of(live, freshLegacy, foreign, userFile)) {
      assertThat(kept).as("not stale").exists();
    }
  }

  @Test
  void put_namesItsPartAfterThisProcess_andListingsHideOnlyKilnParts() throws Exception {
    PartFiles parts = new PartFiles();
    assertThat(parts.prefix()).isEqualTo(".kiln-" + ProcessHandle.current().pid() + "@" + HOST
        + "-");
    Path userFile = part("a", "weights.part", Instant.now());
    part("a", parts.prefix() + "1.part", Instant.now());
    var store = ArtifactStores.local(dir);
    store.put("a/model.json", new ByteArrayInputStream(new byte[] {1}));
    assertThat(store.list("a")).extracting(i -> i.path())
        .containsExactly("a/model.json", "a/weights.part");
    try (Stream<Path> files = Files.list(userFile.getParent())) {
      assertThat(files.filter(PartFiles::isPart)).as("this process's in-flight part is kept")
          .hasSize(1);
    }
  }
}
