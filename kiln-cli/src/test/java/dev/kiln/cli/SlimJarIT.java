package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jar as built by {@code package}: linux-x64 natives only, no debug symbols, and
 * ONNX Runtime, S3 and PostgreSQL in separate jars under {@code lib/} that kiln.jar finds beside
 * itself, with a message naming the jar when one is missing.
 */
class SlimJarIT {
  private static final Path TARGET = Path.of("target").toAbsolutePath();
  private static final Path JAR = TARGET.resolve("kiln.jar");

  @TempDir static Path work;
  static Path onnx;

  @BeforeAll
  static void makeOnnxModel() throws Exception {
    Path models = Files.createDirectories(work.resolve("models"));
    Process p = new ProcessBuilder("/usr/bin/python3", Path.of("..").toAbsolutePath()
        .resolve("kiln-ml/src/test/resources/onnx/make_models.py").toString()).start();
    p.getOutputStream().write(("{\"dir\": \"" + models + "\", \"w\": [[1], [0], [-1]],"
        + " \"b\": [0.5]}").getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    assertThat(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0)
        .as("python3-onnx (see .ci/run)").isTrue();
    onnx = models.resolve("regression.onnx");
  }

  @Test
  void jar_isSlim_andHoldsOnlyLinuxX64Natives() throws IOException {
    assertThat(Files.size(JAR)).as("kiln.jar size").isLessThanOrEqualTo(90L << 20);
    List<String> foreign = new ArrayList<>();
    try (ZipFile zip = new ZipFile(JAR.toFile())) {
      zip.stream().map(e -> e.getName()).filter(n -> n.contains("osx") || n.contains(".dylib")
          || n.endsWith(".dll") || n.contains("aarch64") || n.contains("arm64")
          || n.contains(".dSYM") || n.startsWith("ai/onnxruntime/")
          || n.startsWith("software/amazon/") || n.startsWith("org/postgresql/"))
          .filter(n -> !n.startsWith("org/jline/")) // jline's tiny terminal natives stay
          .forEach(foreign::add);
    }
    assertThat(foreign).isEmpty();
    assertThat(TARGET.resolve("lib/kiln-onnx.jar")).isRegularFile();
    assertThat(TARGET.resolve("lib/kiln-s3.jar")).isRegularFile();
    assertThat(TARGET.resolve("lib/kiln-postgresql.jar")).isRegularFile();
  }

  @Test
  void onnx_withLibFolder_works_withoutIt_namesTheJar() throws Exception {
    Run with = java(JAR, "bundle", "import-onnx", onnx.toString(), "--name", "lin", "--task",
        "regression", "--output", work.resolve("with").toString());
    assertThat(with.code()).as(with.output()).isZero();
    Run without = java(alone(), "bundle", "import-onnx", onnx.toString(), "--name", "lin",
        "--task", "regression", "--output", work.resolve("without").toString());
    assertThat(without.code()).as(without.output()).isEqualTo(2);
    assertThat(without.output()).contains("ONNX models need kiln-onnx.jar")
        .contains("lib/ folder beside kiln.jar").doesNotContain("NoClassDefFoundError");
  }

  @Test
  void postgresqlStore_withoutLibFolder_namesTheJar() throws Exception {
    Path project = work.resolve("pg");
    Files.createDirectories(project.resolve("conf/base"));
    Files.writeString(project.resolve("conf/base/kiln.yml"), "name: pg\ntracking:\n"
        + "  url: jdbc:postgresql://127.0.0.1:1/kiln\n");
    Run without = java(alone(), "runs", "list", "--project", project.toString());
    assertThat(without.code()).isEqualTo(2);
    assertThat(without.output()).contains("PostgreSQL tracking stores need kiln-postgresql.jar");
    Run with = java(JAR, "runs", "list", "--project", project.toString());
    assertThat(with.code()).as(with.output()).isEqualTo(2);
    assertThat(with.output()).doesNotContain("kiln-postgresql.jar").contains("127.0.0.1");
  }

  /** A copy of kiln.jar with no lib/ folder beside it. */
  private static Path alone() throws IOException {
    Path dir = Files.createDirectories(work.resolve("alone"));
    Path jar = dir.resolve("kiln.jar");
    if (!Files.exists(jar)) {
      Files.copy(JAR, jar);
    }
    return jar;
  }

  record Run(int code, String output) {}

  private static Run java(Path jar, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"),
        "bin", "java").toString(), "-jar", jar.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), out);
  }
}
