package dev.kiln.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.project.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectTrackingTest {
  @TempDir Path dir;

  private Project project(String kilnYml) throws Exception {
    Files.createDirectories(dir.resolve("conf/base"));
    Files.writeString(dir.resolve("conf/base/kiln.yml"), kilnYml);
    return Project.open(dir, "base", List.of());
  }

  @Test
  void open_defaultProject_keepsStoreAndArtifactsUnderDotKiln_andRegistryRoundTrips()
      throws Exception {
    Path bundle = Files.createDirectories(dir.resolve("bundle"));
    Files.writeString(bundle.resolve("model.json"), "{\"trees\": []}");
    try (ProjectTracking tracking = ProjectTracking.open(project("name: p\n"))) {
      ModelVersion v = tracking.registry().register("m", bundle, null, Map.of());
      assertThat(tracking.registry().resolve("m").version()).isEqualTo(v.version());
      assertThat(tracking.store().getRegisteredModel("m").name()).isEqualTo("m");
      assertThat(tracking.artifacts().list(v.source())).extracting(ArtifactInfo::path)
          .anyMatch(p -> p.endsWith("model.json"));
    }
    assertThat(dir.resolve(".kiln/tracking.db")).isRegularFile();
    assertThat(dir.resolve(".kiln/artifacts")).isDirectory();
  }

  @Test
  void downloadTemporary_copiesTheVersion_andCloseDeletesTheFolder() throws Exception {
    Path bundle = Files.createDirectories(dir.resolve("bundle"));
    Files.writeString(bundle.resolve("bundle.json"), "{\"metrics\": {\"auc\": 0.9}}");
    try (ProjectTracking tracking = ProjectTracking.open(project("name: p\n"))) {
      ModelVersion v = tracking.registry().register("m", bundle, null, Map.of());
      Path scratch;
      try (ModelVersions.Download d = tracking.registry().downloadTemporary(v,
          dir.resolve("downloads"))) {
        scratch = d.scratch();
        assertThat(scratch.getParent()).isEqualTo(dir.resolve("downloads"));
        assertThat(d.bundle().resolve("bundle.json")).hasContent(
            "{\"metrics\": {\"auc\": 0.9}}");
      }
      assertThat(scratch).doesNotExist();
    }
  }

  @Test
  void open_unsupportedTrackingUrl_namesItWithTheSupportedOnes() throws Exception {
    Project p = project("name: p\ntracking:\n  url: jdbc:mysql://db/kiln?password=x\n");
    assertThatThrownBy(() -> ProjectTracking.open(p))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessageContaining("'jdbc:mysql://db/kiln' is not supported")
        .hasMessageNotContaining("password");
  }
}
