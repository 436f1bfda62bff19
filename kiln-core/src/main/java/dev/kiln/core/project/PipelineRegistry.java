package dev.kiln.core.project;

import dev.kiln.core.pipeline.Pipeline;
import java.util.Map;

/**
 * A project's named pipelines. A project provides one implementation, found by {@link
 * java.util.ServiceLoader} ({@code META-INF/services/dev.kiln.core.project.PipelineRegistry}) or
 * named in {@code conf/base/kiln.yml} as {@code pipelines: com.example.Pipelines}.
 *
 * <p>The pipeline named {@value #DEFAULT} runs when {@code kiln run} is given no
 * {@code --pipeline}; if there is none, the default is all pipelines together.
 */
public interface PipelineRegistry {
  /** The name of the default pipeline. */
  String DEFAULT = "__default__";

  /** Returns the pipelines by name. */
  Map<String, Pipeline> pipelines();
}
