package dev.kiln.tracking.internal.jdbc;

import dev.kiln.tracking.internal.search.SearchSchema;
import dev.kiln.tracking.internal.search.SearchSchema.KeyedTable;
import dev.kiln.tracking.internal.search.SqlCompiler;
import java.util.Map;
import java.util.Set;

/** The searchable fields of runs, experiments, registered models and model versions. */
final class Schemas {
  static final SqlCompiler RUNS = new SqlCompiler(new SearchSchema("r.id",
      Map.of("run_id", "r.id", "run_name", "r.name", "status", "r.status",
          "start_time", "r.start_time", "end_time", "r.end_time", "user_id", "r.user_id"),
      Set.of("start_time", "end_time"),
      Map.of("metrics", new KeyedTable("latest_metrics", "run_id", true),
          "params", new KeyedTable("params", "run_id", false),
          "tags", new KeyedTable("run_tags", "run_id", false)),
      Map.of("name", "name", "digest", "content_hash", "location", "location")));

  static final SqlCompiler EXPERIMENTS = new SqlCompiler(new SearchSchema("e.id",
      Map.of("experiment_id", "e.id", "name", "e.name", "creation_time", "e.creation_time",
          "last_update_time", "e.last_update_time"),
      Set.of("creation_time", "last_update_time"),
      Map.of("tags", new KeyedTable("experiment_tags", "experiment_id", false)), Map.of()));

  static final SqlCompiler MODELS = new SqlCompiler(new SearchSchema("m.name",
      Map.of("name", "m.name", "creation_timestamp", "m.creation_time",
          "last_updated_timestamp", "m.last_update_time", "timestamp", "m.last_update_time"),
      Set.of("creation_timestamp", "last_updated_timestamp", "timestamp"),
      Map.of("tags", new KeyedTable("model_tags", "name", false)), Map.of()));

  static final SqlCompiler VERSIONS = new SqlCompiler(new SearchSchema("mv.name",
      Map.of("name", "mv.name", "run_id", "mv.run_id", "source_path", "mv.source",
          "version_number", "mv.version", "creation_timestamp", "mv.creation_time",
          "last_updated_timestamp", "mv.last_update_time", "current_stage", "mv.current_stage"),
      Set.of("version_number", "creation_timestamp", "last_updated_timestamp"),
      Map.of(), Map.of()));

  private Schemas() {}
}
