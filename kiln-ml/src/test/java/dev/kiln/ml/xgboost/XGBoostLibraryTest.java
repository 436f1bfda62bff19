package dev.kiln.ml.xgboost;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts real JVMs that load XGBoost, the way {@code kiln serve} and {@code kiln run} do. */
class XGBoostLibraryTest {
  @TempDir Path dir;

  @Test
  void killedProcess_leavesNothingInTheTempFolder_andTheNextStartReusesTheCachedLibrary()
      throws Exception {
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    Path cache = dir.resolve("cache");

    Started first = start(tmp, cache);
    first.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    assertThat(first.mapped()).startsWith(cache.toString()).endsWith("/libxgboost4j.so");
    assertThat(list(tmp)).isEmpty();
    Object inode = Files.getAttribute(Path.of(first.mapped()), "unix:ino");

    Started second = start(tmp, cache);
    second.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    assertThat(second.mapped()).isEqualTo(first.mapped());
    assertThat(Files.getAttribute(Path.of(second.mapped()), "unix:ino")).isEqualTo(inode);
    assertThat(list(tmp)).isEmpty();
  }

  @Test
  void cacheThatCannotBeWritten_fallsBackToXGBoostsOwnCopy() throws Exception {
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    Path file = Files.writeString(dir.resolve("a-file"), "not a folder");

    Started started = start(tmp, file.resolve("cache"));
    try {
      assertThat(started.mapped()).startsWith(tmp.toString()).contains("xgboost4j");
    } finally {
      started.process().destroy(); // a normal stop: XGBoost deletes its copy on exit
      started.process().waitFor(30, TimeUnit.SECONDS);
    }
    assertThat(list(tmp)).isEmpty();
  }

  @Test
  void resource_namesTheLibraryInXGBoostsJar() {
    String resource = XGBoostLibrary.resource();
    assertThat(resource).isNotNull();
    assertThat(XGBoostLibrary.class.getClassLoader().getResource(resource)).isNotNull();
  }

  private record Started(Process process, String mapped) {}

  private static Started start(Path tmp, Path cache) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(List.of(java, "-XX:-UsePerfData", "-Xshare:auto",
        "-Djava.io.tmpdir=" + tmp, "-Dkiln.native.dir=" + cache,
        "-cp", System.getProperty("java.class.path"), LoadXGBoostAndWait.class.getName()))
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
        StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null && !line.startsWith("MAPPED ")) {
      // skip anything else the process prints
    }
    if (line == null) {
      p.destroyForcibly();
      throw new AssertionError("the child JVM exited before loading XGBoost");
    }
    return new Started(p, line.substring("MAPPED ".length()));
  }

  private static List<Path> list(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.toList();
    }
  }
}
