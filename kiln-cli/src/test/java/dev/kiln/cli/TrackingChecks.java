package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.project.Project;
import dev.kiln.core.runner.PipelineRunStatus;
import dev.kiln.core.runner.RunState;
import dev.kiln.core.runner.RunStateStore;
import dev.kiln.tracking.ProjectTracking;
import dev.kiln.tracking.Run;
import dev.kiln.tracking.SearchRequest;
import dev.kiln.tracking.TrackingStore;
import dev.kiln.tracking.ViewType;
import dev.kiln.tracking.experiment.Experiments;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Consistency checks of a project's tracking store after a run was killed and resumed. */
final class TrackingChecks {
  private TrackingChecks() {}

  /** Asserts SQLite's own integrity and foreign-key checks pass on the database file. */
  static void sqliteConsistent(Path db) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("ok");
      }
      try (ResultSet rs = s.executeQuery("PRAGMA foreign_key_check")) {
        assertThat(rs.next()).as("rows that break a foreign key").isFalse();
      }
    }
  }

  /**
   * Asserts PostgreSQL's own checks (amcheck: every B-tree index and every table's heap) find no
   * corruption in the tracking tables, then closes the connection.
   */
  static void postgresConsistent(Connection connection) throws SQLException {
    try (Connection c = connection; Statement s = c.createStatement()) {
      s.execute("CREATE EXTENSION IF NOT EXISTS amcheck");
      int indexes = 0;
      try (ResultSet rs = s.executeQuery("SELECT bt_index_check(c.oid, true) FROM pg_index i"
          + " JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid ="
          + " c.relnamespace JOIN pg_am a ON a.oid = c.relam WHERE n.nspname = 'public'"
          + " AND a.amname = 'btree'")) {
        while (rs.next()) {
          indexes++;
        }
      }
      assertThat(indexes).as("B-tree indexes checked").isGreaterThan(5);
      try (ResultSet rs = s.executeQuery("SELECT c.relname, v.msg FROM pg_class c JOIN"
          + " pg_namespace n ON n.oid = c.relnamespace, LATERAL verify_heapam(c.oid) v"
          + " WHERE n.nspname = 'public' AND c.relkind = 'r'")) {
        assertThat(rs.next()).as("heap corruption reported by verify_heapam").isFalse();
      }
    }
  }

  /**
   * Asserts the project has two tracked runs, the killed one KILLED and the resumed one FINISHED,
   * each tied to the run state of the same id.
   */
  static void killedThenFinished(Path projectDir) {
    Project project = Project.open(projectDir, "local", List.of());
    Map<String, PipelineRunStatus> states = new RunStateStore(project.stateDir()).list().stream()
        .collect(Collectors.toMap(RunState::runId, RunState::status));
    assertThat(states.values()).containsExactlyInAnyOrder(PipelineRunStatus.KILLED,
        PipelineRunStatus.FINISHED);
    try (ProjectTracking tracking = ProjectTracking.open(project)) {
      TrackingStore store = tracking.store();
      String experiment = Experiments.idOf(store, "faults/__default__");
      List<Run> runs = store.searchRuns(List.of(experiment), SearchRequest.of(""),
          ViewType.ALL).items();
      Map<String, dev.kiln.tracking.RunStatus> tracked = runs.stream().collect(Collectors.toMap(
          r -> r.tags().get("kiln.run_id"), Run::status, (a, b) -> a));
      assertThat(tracked).hasSize(2);
      tracked.forEach((runId, status) -> assertThat(status.name()).as("tracked run " + runId)
          .isEqualTo(states.get(runId).name()));
      assertThat(runs).allSatisfy(r -> assertThat(r.end()).isPresent());
    }
  }
}
