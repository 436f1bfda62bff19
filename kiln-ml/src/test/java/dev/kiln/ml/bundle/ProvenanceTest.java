package dev.kiln.ml.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.pipeline.NodeContext;
import dev.kiln.ml.xgboost.XGBoostModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvenanceTest {
  @TempDir Path dir;

  private void git(String... args) throws Exception {
    String[] command = new String[args.length + 7];
    System.arraycopy(new String[] {"git", "-C", dir.toString(), "-c", "user.name=t", "-c",
        "user.email=t@t"}, 0, command, 0, 7);
    System.arraycopy(args, 0, command, 7, args.length);
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    assertThat(p.waitFor()).isZero();
  }

  @Test
  void of_nodeContextInAGitProject_recordsRunVersionsGitInputsAndParams() throws Exception {
    Files.writeString(dir.resolve("kiln.yml"), "name: p\n");
    git("init", "-q");
    git("add", ".");
    git("commit", "-q", "-m", "first");
    Files.writeString(dir.resolve("kiln.yml"), "name: changed\n");
    NodeContext context = new NodeContext("run-1", "train", dir,
        Map.of("model", Map.of("eta", 0.1)), Map.of("cars", "abc"));
    Provenance p = Provenance.of(context);
    assertThat(p.runId()).isEqualTo("run-1");
    assertThat(p.git().commit()).hasSize(40);
    assertThat(p.git().dirty()).isTrue();
    assertThat(p.versions().xgboost()).isEqualTo(XGBoostModel.libraryVersion());
    assertThat(p.versions().java()).isEqualTo(Runtime.version().toString());
    assertThat(p.toLineage()).containsEntry("run_id", "run-1").containsEntry("pipeline", "train")
        .containsEntry("input.cars", "abc").containsEntry("param.model.eta", "0.1")
        .containsEntry("git.dirty", "true").containsEntry("git.commit", p.git().commit())
        .containsKeys("kiln", "java", "xgboost").hasSize(9);
    assertThat(Provenance.fromLineage(p.toLineage())).isEqualTo(p);
  }

  @Test
  void of_outsideARunAndGit_leavesRunAndGitOut() {
    Provenance p = Provenance.of(NodeContext.none());
    assertThat(p.runId()).isNull();
    assertThat(p.git()).isNull();
    assertThat(p.toLineage()).containsOnlyKeys("kiln", "java", "xgboost");
    assertThat(Provenance.fromLineage(p.toLineage())).isEqualTo(p);
    assertThat(Provenance.fromLineage(Map.of("run_id", "r7")).versions()).isNull();
  }
}
