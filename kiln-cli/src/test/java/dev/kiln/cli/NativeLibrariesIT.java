package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built kiln.jar loads DuckDB's and XGBoost's native libraries from Kiln's per-user cache:
 * nothing is copied to the temp folder, so a killed process leaves nothing there, and the next
 * start maps the same files.
 */
class NativeLibrariesIT {
  private static final String DUCKDB = "libduckdb_java.so_linux_amd64";
  @TempDir Path dir;

  @Test
  void kilnJar_carriesDuckDbsLibraryWhereTheDriverDoesNotCopyIt() throws IOException {
    try (JarFile jar = new JarFile("target/kiln.jar")) {
      assertThat(jar.getEntry(DUCKDB)).isNull();
      assertThat(jar.getEntry("META-INF/kiln/native/" + DUCKDB)).isNotNull();
    }
  }

  @Test
  void killedProcess_leavesNothingInTheTempFolder_andTheNextStartReusesTheCache()
      throws Exception {
    Path app = Files.createDirectories(dir.resolve("app"));
    Path jar = Files.copy(Path.of("target/kiln.jar"), app.resolve("kiln.jar"));
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    Path cache = dir.resolve("cache");

    Map<String, String> first = startAndKill(jar, tmp, cache);
    assertThat(first.get("duckdb_java")).startsWith(cache.toString())
        .endsWith("/libduckdb_java.so");
    assertThat(first.get("xgboost4j")).startsWith(cache.toString()).endsWith("/libxgboost4j.so");
    assertThat(app.resolve(DUCKDB).toRealPath()).isEqualTo(Path.of(first.get("duckdb_java")));
    assertThat(list(tmp)).isEmpty();

    Map<String, String> second = startAndKill(jar, tmp, cache);
    assertThat(second).isEqualTo(first);
    assertThat(list(tmp)).isEmpty();
  }

  /** Starts LoadNativesAndWait from the jar, reads where each library is mapped from, kills it. */
  private static Map<String, String> startAndKill(Path jar, Path tmp, Path cache)
      throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(List.of(java, "-XX:-UsePerfData",
        "-Djava.io.tmpdir=" + tmp, "-Dkiln.native.dir=" + cache,
        "-cp", jar + ":" + Path.of("target/test-classes").toAbsolutePath(),
        LoadNativesAndWait.class.getName())).redirectErrorStream(true).start();
    Map<String, String> mapped = new HashMap<>();
    StringBuilder seen = new StringBuilder();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
        StandardCharsets.UTF_8))) {
      String line;
      while (mapped.size() < 2 && (line = out.readLine()) != null) {
        seen.append(line).append('\n');
        if (line.startsWith("MAPPED ")) {
          String[] parts = line.split(" ", 3);
          mapped.put(parts[1], parts[2]);
        }
      }
    } finally {
      p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
    assertThat(mapped).as(seen.toString()).containsOnlyKeys("duckdb_java", "xgboost4j");
    return mapped;
  }

  private static List<Path> list(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.toList();
    }
  }
}
