package dev.kiln.core.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reconciles RUNNING run states with the liveness of their owning process. */
class RunStateStoreTest {
  @TempDir Path dir;

  private RunState running(String id, RunOwner owner) {
    return new RunState(id, "main", "local", RunStatus.RUNNING, Instant.parse(
        "2026-01-02T03:04:05Z"), null, List.of(new NodeRun("a", NodeStatus.COMPLETED, 5, null),
        new NodeRun("b", NodeStatus.RUNNING, 0, null), new NodeRun("c", NodeStatus.NOT_RUN, 0,
        null)), Map.of(), Map.of(), List.of("b"), null, owner);
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
    assertThat(read.status()).isEqualTo(RunStatus.KILLED);
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
    assertThat(store.latest().orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
  }

  @Test
  void latest_runningStateWithoutOwnerOrLock_readsKilled() {
    RunStateStore store = new RunStateStore(dir);
    store.save(running("r1", null));
    RunState read = store.get("r1").orElseThrow();
    assertThat(read.status()).isEqualTo(RunStatus.KILLED);
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
      assertThat(store.get("r1").orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
      assertThat(store.latest().orElseThrow().status()).isEqualTo(RunStatus.RUNNING);

      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      RunState read = store.get("r1").orElseThrow();
      assertThat(read.status()).isEqualTo(RunStatus.KILLED);
      assertThat(read.error()).contains("pid " + child.pid());
      assertThat(runs.resolve("r1.lock")).doesNotExist();
    } finally {
      child.destroyForcibly();
    }
  }

  @Test
  void get_finishedState_isReturnedAsWritten_andMissingIsEmpty() {
    RunStateStore store = new RunStateStore(dir);
    RunState done = new RunState("r2", "main", "local", RunStatus.FINISHED, Instant.EPOCH,
        Instant.EPOCH, List.of(), Map.of(), Map.of(), List.of(), null, null);
    store.save(done);
    assertThat(store.get("r2")).contains(done);
    assertThat(store.get("nope")).isEmpty();
  }
}
