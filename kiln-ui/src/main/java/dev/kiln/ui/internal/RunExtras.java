package dev.kiln.ui.internal;

import dev.kiln.core.project.Project;
import dev.kiln.core.runner.RunState;
import dev.kiln.core.runner.RunStateStore;
import dev.kiln.tracking.DatasetInput;
import dev.kiln.tracking.Run;
import dev.kiln.tracking.TrackingStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a run's detail page shows beyond MLflow's {@code runs/get}: lineage (datasets read and
 * written, with content hashes, rows and schema), the code version, and the time and status of
 * each node from the run's state file ({@code .kiln/runs/<kiln.run_id>.json}).
 */
public final class RunExtras {
  private final TrackingStore store;
  private final Project project;

  /** Creates the extras over a store and, for node timings, the project (may be null). */
  public RunExtras(TrackingStore store, Project project) {
    this.store = store;
    this.project = project;
  }

  /** Returns the extras of a run. */
  public Map<String, Object> get(String runId) {
    Run run = store.getRun(runId);
    Set<String> written = Set.of(run.tags().getOrDefault("kiln.outputs", "").split(","));
    List<Map<String, Object>> lineage = new ArrayList<>();
    for (DatasetInput input : run.inputs()) {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("name", input.name());
      d.put("direction", written.contains(input.name()) ? "written" : "read");
      d.put("location", input.location());
      d.put("content_hash", input.contentHash());
      d.put("rows", input.rowCount() < 0 ? null : input.rowCount());
      d.put("schema", input.schema());
      lineage.add(d);
    }
    Map<String, Object> code = new LinkedHashMap<>();
    run.tags().forEach((k, v) -> {
      if (k.startsWith("git.") || k.startsWith("kiln.code") || k.endsWith(".version")) {
        code.put(k, v);
      }
    });
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("run_id", run.id());
    out.put("lineage", lineage);
    out.put("code", code);
    out.put("nodes", nodes(run.tags().get("kiln.run_id")));
    return out;
  }

  private List<Map<String, Object>> nodes(String kilnRunId) {
    if (project == null || kilnRunId == null) {
      return List.of();
    }
    RunState state = new RunStateStore(project.stateDir()).list().stream()
        .filter(s -> s.runId().equals(kilnRunId)).findFirst().orElse(null);
    if (state == null) {
      return List.of();
    }
    return state.nodes().stream().map(n -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", n.name());
      m.put("status", n.status().name());
      m.put("duration_ms", n.durationMs());
      m.put("error", n.error());
      return m;
    }).toList();
  }
}
