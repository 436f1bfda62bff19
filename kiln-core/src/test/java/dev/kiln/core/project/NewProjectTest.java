package dev.kiln.core.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.KilnException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewProjectTest {
  @TempDir Path dir;

  @Test
  void skeleton_fillsNameAndPackage_andRenamesDotFiles() {
    Map<String, String> files = NewProject.skeleton("Word-Count");
    assertThat(files).containsKeys("conf/base/kiln.yml", "conf/base/catalog.yml", ".gitignore",
        "data/08_reporting/.gitkeep", "src/main/java/wordcount/Pipelines.java");
    assertThat(files.get("src/main/java/wordcount/Pipelines.java")).contains("package wordcount;")
        .doesNotContain("{{");
    assertThat(files.get("conf/base/kiln.yml")).contains("Word-Count");
  }

  @Test
  void create_writesFilesDataAndExtras_andTheSkeletonOpensAsAProject() throws Exception {
    Path data = Files.writeString(dir.resolve("cars.csv"), "price\n1\n");
    Path root = NewProject.create(dir.resolve("projects"), "demo", NewProject.skeleton("demo"),
        new NewProject.Extras(List.of(data), p -> Files.writeString(p.resolve("ci.yml"), "x")));
    assertThat(root).isEqualTo(dir.resolve("projects/demo").toAbsolutePath());
    assertThat(root.resolve("data/01_raw/cars.csv")).hasContent("price\n1");
    assertThat(root.resolve("ci.yml")).hasContent("x");
    assertThat(Project.isProject(root)).isTrue();
    assertThat(Project.open(root, "local", List.of()).name()).isEqualTo("demo");
    try (Stream<Path> siblings = Files.list(root.getParent())) {
      assertThat(siblings).as("no staging folder left").containsExactly(root);
    }
  }

  @Test
  void create_existingFolderOrBadName_isRefused() throws IOException {
    Files.createDirectories(dir.resolve("taken"));
    assertThatThrownBy(() -> NewProject.create(dir, "taken", Map.of(), NewProject.Extras.none()))
        .isInstanceOf(KilnException.class).hasMessageContaining("already exists");
    assertThatThrownBy(() -> NewProject.checkNew(dir, "1st"))
        .hasMessageContaining("'1st' is not a valid project name");
  }

  @Test
  void create_failingExtra_leavesNothingBehind() throws IOException {
    assertThatThrownBy(() -> NewProject.create(dir, "demo", Map.of("a.txt", "a"),
        new NewProject.Extras(List.of(), p -> {
          throw new IOException("disk full");
        }))).isInstanceOf(UncheckedIOException.class).hasMessageContaining("disk full");
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left).isEmpty();
    }
  }
}
