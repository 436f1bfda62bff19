package dev.kiln.core.project;

import dev.kiln.core.pipeline.DatasetRef;
import dev.kiln.core.pipeline.Node;
import dev.kiln.core.pipeline.Pipeline;
import java.util.Map;

/** A registry used by project tests: a -> b (fails when params:fail is true) -> c. */
public final class TestRegistry implements PipelineRegistry {
  static final DatasetRef<String> RAW = DatasetRef.of("raw", String.class);
  static final DatasetRef<String> MID = DatasetRef.of("mid", String.class);
  static final DatasetRef<String> STAGED = DatasetRef.of("staged", String.class);
  static final DatasetRef<String> OUT = DatasetRef.of("out", String.class);
  static final DatasetRef<Boolean> FAIL = DatasetRef.param("fail", Boolean.class);

  @Override
  public Map<String, Pipeline> pipelines() {
    Pipeline p = Pipeline.of(Node.of("a", RAW, MID, s -> s + "-a"),
        Node.of("b", MID, FAIL, STAGED, (s, fail) -> {
          if (fail) {
            throw new IllegalStateException("injected failure");
          }
          return s + "-b";
        }),
        Node.of("c", STAGED, OUT, s -> s + "-c"));
    return Map.of("main", p);
  }
}
