package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.runner.NodeStatus;
import dev.kiln.core.runner.PipelineRunStatus;
import dev.kiln.core.runner.RunState;
import dev.kiln.core.runner.RunStateStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Kills a real {@code kiln run} with SIGKILL at each node boundary and inside each node of a
 * four-node pipeline (CSV, Parquet, JSON and text outputs, one in-memory hand-over), then resumes
 * it with {@code --from-failed}: the outputs equal an uninterrupted run's byte for byte, only
 * unfinished work reruns (a node whose outputs were saved whole is skipped from the cache, and the
 * producer of an in-memory input runs again), and the run state and tracking store say what
 * happened. The child stops at a marker line printed by the project's {@code Pause} hook, never
 * after a sleep: {@code before} a node (its start checkpointed), {@code mid} node, {@code after} a
 * node (outputs saved, completion not yet recorded).
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class FaultInjectionIT {
  static final List<String> OUTPUTS = List.of("data/clean.parquet", "data/features.csv",
      "data/summary.json", "data/report.txt");
  private static Map<String, byte[]> reference;
  private static Path referenceProject;

  @TempDir Path work;

  @BeforeAll
  static void uninterruptedRun(@TempDir Path dir) throws Exception {
    referenceProject = FaultProject.copy(dir);
    try (KilnProcess kiln = KilnProcess.start(Map.of(), "run", "--project",
        referenceProject.toString())) {
      assertThat(kiln.exitCode()).as(kiln.output()).isZero();
    }
    reference = outputs(referenceProject);
  }

  /** Returns a fresh copy of the project (its compiled classes reused from the reference). */
  static Path freshProject(Path work) throws IOException {
    return FaultProject.copy(work, referenceProject);
  }

  static Map<String, byte[]> outputs(Path project) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    for (String output : OUTPUTS) {
      files.put(output, Files.readAllBytes(project.resolve(output)));
    }
    return files;
  }

  @ParameterizedTest(name = "kill -9 {0}, resume reruns {1}")
  @CsvSource(delimiter = '|', value = {
      "before:clean     | clean featurize summarize report",
      "mid:clean        | clean featurize summarize report",
      "after:clean      | featurize summarize report",
      "mid:featurize    | featurize summarize report",
      "after:featurize  | featurize summarize report",
      "before:summarize | featurize summarize report",
      "mid:summarize    | featurize summarize report",
      "after:summarize  | featurize report",
      "mid:report       | report",
      "after:report     | ''"})
  void killedRun_resumedFromFailed_equalsUninterruptedRun(String point, String reruns)
      throws Exception {
    Path project = freshProject(work);
    long pid = killAt(project, point);
    RunState killed = new RunStateStore(project.resolve(".kiln")).latest().orElseThrow();
    assertThat(killed.status()).isEqualTo(PipelineRunStatus.KILLED);
    assertThat(killed.error()).contains("pid " + pid);
    assertThat(killed.nodesWith(NodeStatus.RUNNING)).containsExactly(point.split(":")[1]);

    RunState resumed = resume(project);
    assertThat(resumed.nodesWith(NodeStatus.COMPLETED)).as("nodes rerun after " + point)
        .containsExactlyElementsOf(reruns.isBlank() ? List.of() : List.of(reruns.split(" ")));
    assertThat(outputs(project)).as("outputs after resuming from " + point)
        .containsExactlyInAnyOrderEntriesOf(reference);
    TrackingChecks.sqliteConsistent(project.resolve(".kiln/tracking.db"));
    TrackingChecks.killedThenFinished(project);
  }

  @Test
  void parallelRunner_killedInsideANode_resumes() throws Exception {
    Path project = freshProject(work);
    killAt(project, "mid:featurize", "--workers", "2");
    resume(project, "--workers", "2");
    assertThat(outputs(project)).containsExactlyInAnyOrderEntriesOf(reference);
    TrackingChecks.sqliteConsistent(project.resolve(".kiln/tracking.db"));
    TrackingChecks.killedThenFinished(project);
  }

  @Test
  void killedRun_postgresTracking_staysConsistent() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      Path project = freshProject(work);
      try (Connection c = postgres.getPostgresDatabase().getConnection();
          Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE faults");
      }
      String url = postgres.getJdbcUrl("postgres", "faults");
      Files.writeString(project.resolve("conf/base/kiln.yml"), "\ntracking: {url: '" + url
          + "'}\n", StandardOpenOption.APPEND);
      Files.createDirectories(project.resolve("conf/local"));
      Files.writeString(project.resolve("conf/local/credentials.yml"),
          "tracking: {username: postgres, password: postgres}\n");
      killAt(project, "mid:summarize");
      resume(project);
      assertThat(outputs(project)).containsExactlyInAnyOrderEntriesOf(reference);
      TrackingChecks.killedThenFinished(project);
      TrackingChecks.postgresConsistent(postgres.getDatabase("postgres", "faults")
          .getConnection());
    }
  }

  @Test
  void fromFailed_whileTheRunIsAlive_refusesAndLeavesItRunning() throws Exception {
    Path project = freshProject(work);
    try (KilnProcess victim = KilnProcess.start(Map.of("KILN_FAULT_PAUSE", "mid:summarize"),
        "run", "--project", project.toString())) {
      victim.awaitLine("KILN-FAULT paused mid summarize");
      try (KilnProcess second = KilnProcess.start(Map.of(), "run", "--project",
          project.toString(), "--from-failed")) {
        assertThat(second.exitCode()).isEqualTo(2);
        assertThat(second.output()).contains("is still running (pid " + victim.pid());
      }
      assertThat(new RunStateStore(project.resolve(".kiln")).latest().orElseThrow().status())
          .isEqualTo(PipelineRunStatus.RUNNING);
      victim.killHard();
    }
    resume(project);
    assertThat(outputs(project)).containsExactlyInAnyOrderEntriesOf(reference);
  }

  /** Runs the project until it reaches {@code point}, kills it with SIGKILL and returns its pid. */
  static long killAt(Path project, String point, String... extra) throws Exception {
    String[] args = Stream.concat(Stream.of("run", "--project", project.toString()),
        Stream.of(extra)).toArray(String[]::new);
    try (KilnProcess kiln = KilnProcess.start(Map.of("KILN_FAULT_PAUSE", point), args)) {
      kiln.awaitLine("KILN-FAULT paused " + point.replace(':', ' '));
      kiln.killHard();
      return kiln.pid();
    }
  }

  /** Resumes the newest run with {@code --from-failed}; returns the resumed run's state. */
  static RunState resume(Path project, String... extra) throws Exception {
    String[] args = Stream.concat(Stream.of("run", "--project", project.toString(),
        "--from-failed"), Stream.of(extra)).toArray(String[]::new);
    try (KilnProcess kiln = KilnProcess.start(Map.of(), args)) {
      assertThat(kiln.exitCode()).as(kiln.output()).isZero();
    }
    RunState resumed = new RunStateStore(project.resolve(".kiln")).latest().orElseThrow();
    assertThat(resumed.status()).isEqualTo(PipelineRunStatus.FINISHED);
    return resumed;
  }
}
