package dev.kiln.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real child JVM with SIGKILL halfway through uploading a model version's files: the
 * previous version, its alias and its files stay intact, no half file is visible, the store passes
 * SQLite's integrity check, and registering again succeeds.
 */
class RegistryKillTest {
  @TempDir Path dir;

  private static Path bundle(Path folder, long seed) throws Exception {
    Files.createDirectories(folder);
    byte[] model = new byte[300_000];
    new Random(seed).nextBytes(model);
    Files.write(folder.resolve("model.json"), model);
    Files.writeString(folder.resolve("bundle.json"), "{\"metrics\": {\"auc\": 0." + seed + "}}");
    Files.writeString(folder.resolve("preprocessing.json"), "{\"steps\": [" + seed + "]}");
    return folder;
  }

  @Test
  void register_killedMidUpload_previousVersionIntactAndNoPartialFile() throws Exception {
    Path db = dir.resolve("kiln.db");
    Path artifacts = dir.resolve("artifacts");
    Path v1 = bundle(dir.resolve("v1"), 91);
    Path v2 = bundle(dir.resolve("v2"), 97);
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-cp", System.getProperty("java.class.path"),
        RegisteringProcess.class.getName(), db.toString(), artifacts.toString(), v1.toString(),
        v2.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
        StandardCharsets.UTF_8))) {
      assertThat(out.readLine()).isEqualTo("v1");
      assertThat(out.readLine()).isEqualTo("uploading");
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      child.destroyForcibly();
    }

    try (TrackingStore store = TrackingStores.sqlite(db)) {
      ArtifactStore disk = ArtifactStores.local(artifacts);
      ModelVersions registry = new ModelVersions(store, disk);
      assertThat(store.searchModelVersions("fraud")).extracting(ModelVersion::version)
          .containsExactly(1L);
      ModelVersion champion = store.getModelVersionByAlias("fraud", "champion");
      assertThat(champion.version()).isEqualTo(1);
      Path downloaded = registry.download(champion, dir.resolve("downloaded"));
      for (String file : new String[] {"model.json", "bundle.json", "preprocessing.json"}) {
        assertThat(Files.readAllBytes(downloaded.resolve(file))).as(file)
            .isEqualTo(Files.readAllBytes(v1.resolve(file)));
      }
      try (Stream<Path> tree = Files.walk(artifacts)) {
        assertThat(tree.filter(Files::isRegularFile).filter(p -> p.endsWith("model.json")))
            .as("model.json of the interrupted upload is not in place, even in part")
            .allSatisfy(p -> assertThat(Files.size(p)).isEqualTo(300_000));
      }
      assertThat(disk.list("models/fraud")).allSatisfy(folder -> assertThat(
          disk.list(folder.path())).noneMatch(f -> f.path().endsWith(".part")));
      sqliteIntact(db);

      ModelVersion again = registry.register("fraud", v2, null, Map.of());
      assertThat(again.version()).isEqualTo(2);
      assertThat(Files.readAllBytes(registry.download(again, dir.resolve("v2-back"))
          .resolve("model.json"))).isEqualTo(Files.readAllBytes(v2.resolve("model.json")));
    }
  }

  private static void sqliteIntact(Path db) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("ok");
    }
  }
}
