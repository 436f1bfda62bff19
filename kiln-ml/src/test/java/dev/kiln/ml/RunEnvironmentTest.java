package dev.kiln.ml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunEnvironmentTest {
  @TempDir Path dir;

  private String git(String... args) throws Exception {
    String[] command = new String[args.length + 7];
    System.arraycopy(new String[] {"git", "-C", dir.toString(), "-c", "user.name=t", "-c",
        "user.email=t@example.com"}, 0, command, 0, 7);
    System.arraycopy(args, 0, command, 7, args.length);
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(p.waitFor()).as(out).isZero();
    return out;
  }

  @Test
  void tags_outsideGit_recordVersionsOnly() {
    Map<String, String> tags = RunEnvironment.tags(dir);
    assertThat(tags).doesNotContainKeys("git.commit", "git.dirty")
        .containsEntry("java.version", Runtime.version().toString())
        .containsKeys("kiln.version", "xgboost.version");
    assertThat(tags.get("xgboost.version")).matches("\\d+\\.\\d+.*");
  }

  @Test
  void tags_inGit_recordTheCommitAndWhetherTheProjectChangedSince() throws Exception {
    git("init", "-q");
    Files.writeString(dir.resolve("kiln.yml"), "name: p\n");
    git("add", ".");
    git("commit", "-q", "-m", "first");
    Map<String, String> clean = RunEnvironment.tags(dir);
    assertThat(clean).containsEntry("git.commit", git("rev-parse", "HEAD"))
        .containsEntry("git.dirty", "false");
    Files.writeString(dir.resolve("kiln.yml"), "name: q\n");
    assertThat(RunEnvironment.tags(dir)).containsEntry("git.dirty", "true");
  }
}
