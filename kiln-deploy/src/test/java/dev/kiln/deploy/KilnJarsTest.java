package dev.kiln.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.KilnException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KilnJarsTest {
  @TempDir Path dir;

  @Test
  void optionalJars_findsEachPartInLibBesideTheJar_andAddsOnnxForOnnxModels() throws Exception {
    Path jar = Files.writeString(dir.resolve("kiln.jar"), "");
    Files.createDirectories(dir.resolve("lib"));
    Files.writeString(dir.resolve("lib/kiln-s3.jar"), "");
    Files.writeString(dir.resolve("lib/kiln-onnx.jar"), "");
    assertThat(KilnJars.optionalJars(jar, List.of(), false)).isEmpty();
    assertThat(KilnJars.optionalJars(jar, List.of("s3"), true)).containsExactly(
        dir.resolve("lib/kiln-s3.jar"), dir.resolve("lib/kiln-onnx.jar"));
  }

  @Test
  void optionalJars_unknownOrMissingPart_isNamed() throws Exception {
    Path jar = Files.writeString(dir.resolve("kiln.jar"), "");
    assertThatThrownBy(() -> KilnJars.optionalJars(jar, List.of("spark"), false))
        .isInstanceOf(KilnException.class)
        .hasMessageContaining("--with names 'spark', which is not an optional part");
    assertThatThrownBy(() -> KilnJars.optionalJars(jar, List.of("postgresql"), false))
        .hasMessageContaining("needs kiln-postgresql.jar, which is not in the lib/ folder");
    assertThatThrownBy(() -> KilnJars.optionalJars(null, List.of("s3"), false))
        .hasMessageContaining("needs kiln-s3.jar");
  }

  @Test
  void running_fromClasses_isNull() {
    assertThat(KilnJars.running()).as("tests run from target/classes").isNull();
  }
}
