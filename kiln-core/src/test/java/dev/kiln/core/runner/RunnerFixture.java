package dev.kiln.core.runner;

import dev.kiln.core.catalog.DataCatalog;
import dev.kiln.core.config.ProjectConfig;
import dev.kiln.core.hooks.Hook;
import dev.kiln.core.hooks.RunInfo;
import dev.kiln.core.pipeline.Pipeline;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Builds catalogs and runs pipelines in a temporary project folder. */
final class RunnerFixture {
  private RunnerFixture() {}

  static DataCatalog catalog(Path dir, Map<String, Object> entries, Map<String, Object> params) {
    return DataCatalog.create(new ProjectConfig(dir, "test", entries, params, Map.of(), Map.of()),
        RunnerFixture.class.getClassLoader(), DataCatalog.CatalogSettings.defaults(dir));
  }

  static RunState run(Runner runner, Pipeline p, DataCatalog c, Path dir, Hook hook,
      boolean cache) {
    RunInfo info = new RunInfo("run-" + System.nanoTime(), "test", "test", dir, p.nodeNames(),
        Map.of(), Instant.now());
    return runner.run(p, c, new RunContext(info, hook, cache, dir.resolve(".kiln")));
  }

  static RunState run(Runner runner, Pipeline p, DataCatalog c, Path dir) {
    return run(runner, p, c, dir, new Hook() {}, true);
  }

  static List<String> statuses(RunState state) {
    return state.nodes().stream().map(n -> n.name() + "=" + n.status()).toList();
  }
}
