package dev.kiln.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.deploy.jar.ModelJar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelJarUnpackTest {
  @TempDir Path dir;

  private Path jar(Map<String, String> entries) throws IOException {
    Path jar = dir.resolve("model.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (Map.Entry<String, String> e : entries.entrySet()) {
        out.putNextEntry(new JarEntry(e.getKey()));
        out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    return jar;
  }

  @Test
  void unpackBundle_copiesOnlyTheBundleFolder() throws IOException {
    Path bundle = ModelJar.unpackBundle(jar(Map.of(ModelJar.BUNDLE_FOLDER + "bundle.json", "{}",
        ModelJar.BUNDLE_FOLDER + "model/trees.json", "[]", "dev/kiln/cli/Main.class", "x")));
    try (var files = Files.walk(bundle)) {
      assertThat(files.filter(Files::isRegularFile).map(p -> bundle.relativize(p).toString()))
          .containsExactlyInAnyOrder("bundle.json", "model/trees.json");
    }
    assertThat(bundle.resolve("model/trees.json")).hasContent("[]");
  }

  @Test
  void unpackBundle_entryEscapingTheFolder_isRefused() throws IOException {
    Path jar = jar(Map.of(ModelJar.BUNDLE_FOLDER + "../../evil.txt", "x"));
    assertThatThrownBy(() -> ModelJar.unpackBundle(jar)).isInstanceOf(IOException.class)
        .hasMessageContaining("unsafe bundle entry");
  }
}
