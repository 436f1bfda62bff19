package dev.kiln.core.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reconciles RUNNING run states with the liveness of their owning process. */
class RunStateStoreTest {
  @TempDir Path dir;

  private RunState running(String id, RunOwner owner) {
    return RunState.builder(id, "main", "local").startedAt(Instant.parse("2026-01-02T03:04:05Z"))
        .nodes(List.of(new NodeRun("a", NodeStatus.COMPLETED, 5, null),
            new NodeRun("b", NodeStatus.RUNNING, 0, null),
            new NodeRun("c", NodeStatus.NOT_RUN, 0, null)))
        .resumeFrom(List.of("b")).owner(owner).build();
  }

  private static RunOwner deadOwner() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    assertThat(gone.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new RunOwner(RunOwner.hostName(), gone.pid(), Instant.parse("2026-01-02T03:00:00Z"));
  }

  @Test
  void latest_runningStateOfDeadOwner_readsKilledAndIsRewritten() throws Exception {
    RunStateStore store = new RunStateStore(dir);
    RunOwner owner = deadOwner();
    store.save(running("20260102T030405.000Z-aaaa", owner));

    RunState read = store.latest().orElseThrow();
    assertThat(read.status()).isEqualTo(PipelineRunStatus.KILLED);
    assertThat(read.resumable()).isTrue();
    assertThat(read.resumeFrom()).containsExactly("b");
    assertThat(read.endedAt()).isNotNull();
    assertThat(read.error()).contains("pid " + owner.pid(), "stopped before the run ended",
        "running then: [b]");
    String onDisk = Files.readString(dir.resolve("runs/20260102T030405.000Z-aaaa.json"));
    assertThat(onDisk).contains("\"status\" : \"KILLED\"");
  }

  @Test
  void latest_runningStateOfThisProcess_staysRunning() {
    RunStateStore store = new RunStateStore(dir);
    store.save(running("r1", RunOwner.current()));
    assertThat(store.latest().orElseThrow().status()).isEqualTo(PipelineRunStatus.RUNNING);
  }

  @Test
  void latest_runningStateWithoutOwnerOrLock_readsKilled() {
    RunStateStore store = new RunStateStore(dir);
    store.save(running("r1", null));
    RunState read = store.get("r1").orElseThrow();
    assertThat(read.status()).isEqualTo(PipelineRunStatus.KILLED);
    assertThat(read.error()).contains("(unknown)");
  }

  @Test
  void latest_ownerAliveHoldingLock_staysRunning_untilKilledWithSigkill() throws Exception {
    RunStateStore store = new RunStateStore(dir);
    Path runs = dir.resolve("runs");
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-cp", System.getProperty("java.class.path"), RunLockHolder.class.getName(),
        runs.toString(), "r1").redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
        StandardCharsets.UTF_8))) {
      assertThat(out.readLine()).isEqualTo("locked " + child.pid());
      RunOwner owner = new RunOwner(RunOwner.hostName(), child.pid(),
          child.info().startInstant().orElse(null));
      store.save(running("r1", owner));
      assertThat(store.get("r1").orElseThrow().status()).isEqualTo(PipelineRunStatus.RUNNING);
      assertThat(store.latest().orElseThrow().status()).isEqualTo(PipelineRunStatus.RUNNING);

      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      RunState read = store.get("r1").orElseThrow();
      assertThat(read.status()).isEqualTo(PipelineRunStatus.KILLED);
      assertThat(read.error()).contains("pid " + child.pid());
      assertThat(runs.resolve("r1.lock")).doesNotExist();
    } finally {
      child.destroyForcibly();
    }
  }

  @Test
  void get_finishedState_isReturnedAsWritten_andMissingIsEmpty() {
    RunStateStore store = new RunStateStore(dir);
    RunState done = RunState.builder("r2", "main", "local").status(PipelineRunStatus.FINISHED)
        .startedAt(Instant.EPOCH).endedAt(Instant.EPOCH).build();
    store.save(done);
    assertThat(store.get("r2")).contains(done);
    assertThat(store.get("nope")).isEmpty();
  }
}
