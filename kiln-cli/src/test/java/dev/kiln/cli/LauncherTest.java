package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the repository's real {@code ./kiln} launcher in a copy of the checkout (the real launcher
 * and root pom, one source file per module) where {@code ./mvnw} and {@code java} are stand-ins
 * that record their calls: the launcher rebuilds only when Kiln's own module sources or poms are
 * newer than the jar (never for a user's project in the checkout), runs through a symlink on PATH,
 * and the install commands the README documents link a working {@code kiln}. File times are set,
 * not waited for.
 */
class LauncherTest {
  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  private static final FileTime SOURCES = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
  private static final FileTime BUILT = FileTime.from(Instant.parse("2021-01-01T00:00:00Z"));
  private static final FileTime EDITED = FileTime.from(Instant.parse("2022-01-01T00:00:00Z"));

  @TempDir Path temp;
  /** The launcher's JVM options for every command but serve (docs/running.md). */
  private static final String BATCH = "-XX:+UseSerialGC -XX:MaxRAMPercentage=50 ";
  private Path checkout;
  private Path calls;
  private Path fakeBin;

  @BeforeEach
  void copyCheckout() throws IOException {
    checkout = temp.resolve("kiln-checkout");
    calls = temp.resolve("calls.log");
    fakeBin = temp.resolve("fake-bin");
    Files.createDirectories(fakeBin);
    Files.createDirectories(checkout);
    Files.copy(REPO.resolve("kiln"), checkout.resolve("kiln"));
    Files.copy(REPO.resolve("pom.xml"), checkout.resolve("pom.xml"));
    List<String> modules = modules();
    assertThat(modules).contains("kiln-core", "kiln-cli");
    for (String module : modules) {
      write(checkout.resolve(module).resolve("pom.xml"), "<project/>");
      write(checkout.resolve(module).resolve("src/main/java/dev/kiln/A.java"), "class A {}");
      write(checkout.resolve(module).resolve("src/test/java/dev/kiln/ATest.java"), "class T {}");
    }
    // Maven stand-in: records its arguments, prints lines as Maven 3.9 does with -B (module
    // names as the poms spell them), writes the jar.
    script(checkout.resolve("mvnw"), "echo \"mvnw $*\" >> '" + calls + "'\n"
        + "echo '[INFO] Building Kiln core 0.1.0-SNAPSHOT                               [1/2]'\n"
        + "echo '[INFO] Building jar: kiln-core/target/kiln-core-0.1.0-SNAPSHOT.jar'\n"
        + "echo '[INFO] Building Kiln CLI 0.1.0-SNAPSHOT                                [2/2]'\n"
        + "mkdir -p kiln-cli/target && touch kiln-cli/target/kiln.jar\n");
    script(fakeBin.resolve("java"), "echo \"java $* KILN_COMMAND=$KILN_COMMAND\" >> '"
        + calls + "'\n");
    Path jar = checkout.resolve("kiln-cli/target/kiln.jar");
    write(jar, "");
    try (var files = Files.walk(checkout)) {
      for (Path p : files.toList()) {
        Files.setLastModifiedTime(p, SOURCES);
      }
    }
    Files.setLastModifiedTime(jar, BUILT);
  }

  @Test
  void run_userProjectInCheckoutEdited_doesNotRebuild() throws Exception {
    // A project made by `./kiln new hello` in the checkout, then edited, as the README shows.
    edit(checkout.resolve("hello/src/main/java/hello/Nodes.java"));
    edit(checkout.resolve("hello/conf/base/catalog.yml"));
    edit(checkout.resolve("examples/fraud-detection/src/main/java/Fraud.java"));
    edit(checkout.resolve("kiln-core/src/test/java/dev/kiln/ATest.java"));
    edit(checkout.resolve("bench/src/main/java/Bench.java"));

    Run run = launch(checkout, path(), "./kiln", "run", "--project", "hello");

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output()).doesNotContain("Building kiln");
    assertThat(calls()).containsExactly("java " + BATCH + "-jar "
        + checkout.resolve("kiln-cli/target/kiln.jar") + " run --project hello KILN_COMMAND=./kiln");
  }

  @Test
  void run_kilnModuleSourceEdited_rebuildsShowingEachModule() throws Exception {
    edit(checkout.resolve("kiln-ml/src/main/java/dev/kiln/A.java"));

    Run run = launch(checkout, path(), "./kiln", "--version");

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output()).contains("Building kiln from " + checkout + " (Kiln's sources changed")
        .contains("  [1/2] Kiln core\n").contains("  [2/2] Kiln CLI\n")
        .doesNotContain("Building jar");
    assertThat(calls()).hasSize(2);
    assertThat(calls().get(0)).startsWith("mvnw ").contains("package -pl kiln-cli -am");
    assertThat(calls().get(1)).startsWith("java " + BATCH + "-jar ")
        .endsWith("--version KILN_COMMAND=./kiln");
  }

  @Test
  void run_modulePomEditedOrJarMissing_rebuilds() throws Exception {
    edit(checkout.resolve("kiln-serving/pom.xml"));
    assertThat(launch(checkout, path(), "./kiln", "--version").output())
        .contains("Kiln's sources changed");
    Files.delete(checkout.resolve("kiln-cli/target/kiln.jar"));
    assertThat(launch(checkout, path(), "./kiln", "--version").output()).contains("first use");
    assertThat(calls()).filteredOn(c -> c.startsWith("mvnw ")).hasSize(2);
    // Built now: the next command starts at once.
    assertThat(launch(checkout, path(), "./kiln", "--version").output())
        .doesNotContain("Building kiln");
  }

  @Test
  void symlinkOnPath_runsTheCheckoutsJarFromAnyFolder() throws Exception {
    Path bin = temp.resolve("home/bin");
    Files.createDirectories(bin);
    // A relative link to a link, as a user's dotfiles might make.
    Path hop = temp.resolve("home/kiln-link");
    Files.createSymbolicLink(hop, checkout.resolve("kiln"));
    Files.createSymbolicLink(bin.resolve("kiln"), Path.of("../kiln-link"));
    Path elsewhere = temp.resolve("home/projects");
    Files.createDirectories(elsewhere);

    Run run = launch(elsewhere, bin + ":" + path(), "kiln", "new", "churn");

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(calls()).containsExactly("java " + BATCH + "-jar "
        + checkout.resolve("kiln-cli/target/kiln.jar") + " new churn KILN_COMMAND=kiln");
  }

  @Test
  void readmeInstallCommands_linkAWorkingKiln() throws Exception {
    List<String> installs = readmeInstallCommands();
    assertThat(installs).as("README documents ./kiln install").isNotEmpty();
    Path home = temp.resolve("home");
    for (String install : installs) {
      Run run = launch(checkout, path(), Map.of("HOME", home.toString()), install);
      assertThat(run.exitCode()).as(install + "\n" + run.output()).isZero();
      Matcher linked = Pattern.compile("Linked (\\S+) -> ").matcher(run.output());
      assertThat(linked.find()).as(run.output()).isTrue();
      Path link = Path.of(linked.group(1));
      assertThat(link).startsWithRaw(home);
      assertThat(Files.readSymbolicLink(link)).isEqualTo(checkout.resolve("kiln"));
      assertThat(run.output()).contains("is not on your PATH");

      Run installed = launch(home, link.getParent() + ":" + path(), "kiln", "--help");
      assertThat(installed.exitCode()).as(installed.output()).isZero();
      assertThat(calls().get(calls().size() - 1)).isEqualTo("java " + BATCH + "-jar "
          + checkout.resolve("kiln-cli/target/kiln.jar") + " --help KILN_COMMAND=kiln");
    }
    assertThat(calls()).noneMatch(c -> c.startsWith("mvnw "));
  }

  @Test
  void javaOptions_batchByDefault_serveItsOwn_kilnJavaOptsReplacesBoth() throws Exception {
    String jar = checkout.resolve("kiln-cli/target/kiln.jar").toString();
    launch(checkout, path(), "./kiln", "predict", "b", "--input", "i.csv", "--output", "o.csv");
    launch(checkout, path(), Map.of("KILN_JAVA_OPTS", "-Xmx2g"), "./kiln run");
    launch(checkout, path(), Map.of("KILN_JAVA_OPTS", ""), "./kiln run");
    launch(checkout, path(), "./kiln", "serve", "m");

    List<String> calls = calls();
    assertThat(calls.get(0)).isEqualTo("java " + BATCH + "-jar " + jar
        + " predict b --input i.csv --output o.csv KILN_COMMAND=./kiln");
    assertThat(calls.get(1)).isEqualTo("java -Xmx2g -jar " + jar + " run KILN_COMMAND=./kiln");
    assertThat(calls.get(2)).isEqualTo("java -jar " + jar + " run KILN_COMMAND=./kiln");
    assertThat(calls.get(3)).contains("-XX:+UseSerialGC -Xms64m -Xmx512m")
        .doesNotContain("MaxRAMPercentage").endsWith(" serve m KILN_COMMAND=./kiln");
  }

  @Test
  void install_beforeFirstBuild_buildsTheJar() throws Exception {
    Files.delete(checkout.resolve("kiln-cli/target/kiln.jar"));
    Path dir = temp.resolve("tools");
    Run run = launch(checkout, dir + ":" + path(), "./kiln", "install", dir.toString());
    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output()).contains("first install").contains("Run: kiln --help");
    assertThat(checkout.resolve("kiln-cli/target/kiln.jar")).exists();
    assertThat(Files.isSymbolicLink(dir.resolve("kiln"))).isTrue();
  }

  private record Run(int exitCode, String output) {}

  private Run launch(Path dir, String path, String... command) throws Exception {
    return launch(dir, path, Map.of(), String.join(" ", command));
  }

  private Run launch(Path dir, String path, Map<String, String> env, String commandLine)
      throws Exception {
    ProcessBuilder builder = new ProcessBuilder("bash", "-c", commandLine).directory(dir.toFile())
        .redirectErrorStream(true);
    builder.environment().put("PATH", path);
    builder.environment().remove("KILN_JAVA_OPTS");
    builder.environment().putAll(env);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(), output);
  }

  /** The fake java first, then the system's tools (bash, find, sed, tail). */
  private String path() {
    return fakeBin + ":/usr/local/bin:/usr/bin:/bin";
  }

  private List<String> calls() throws IOException {
    return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
  }

  private static List<String> modules() throws IOException {
    List<String> modules = new ArrayList<>();
    Matcher m = Pattern.compile("<module>(kiln-[^<]+)</module>")
        .matcher(Files.readString(REPO.resolve("pom.xml")));
    while (m.find()) {
      modules.add(m.group(1));
    }
    return modules;
  }

  private static List<String> readmeInstallCommands() throws IOException {
    List<String> commands = new ArrayList<>();
    for (String line : Files.readAllLines(REPO.resolve("README.md"))) {
      String command = line.replaceFirst("\\s+#.*$", "").trim();
      if (command.startsWith("./kiln install")) {
        commands.add(command);
      }
    }
    return commands;
  }

  private static void edit(Path file) throws IOException {
    write(file, "// edited");
    Files.setLastModifiedTime(file, EDITED);
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private static void script(Path file, String body) throws IOException {
    write(file, "#!/usr/bin/env bash\n" + body);
    assertThat(file.toFile().setExecutable(true)).isTrue();
  }
}
