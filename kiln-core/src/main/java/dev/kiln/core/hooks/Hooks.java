package dev.kiln.core.hooks;

import dev.kiln.core.pipeline.Node;
import dev.kiln.core.progress.Progress;
import java.util.List;
import java.util.Map;

/** Calls several hooks in registration order; itself a hook. */
public final class Hooks implements Hook {
  private final List<Hook> hooks;

  /** Creates a composite of the hooks. */
  public Hooks(List<Hook> hooks) {
    this.hooks = List.copyOf(hooks);
  }

  @Override
  public void beforePipelineRun(RunInfo run) {
    hooks.forEach(h -> h.beforePipelineRun(run));
  }

  @Override
  public void afterPipelineRun(RunInfo run, boolean succeeded) {
    hooks.forEach(h -> h.afterPipelineRun(run, succeeded));
  }

  @Override
  public void beforeNodeRun(Node node, Map<String, Object> inputs) {
    hooks.forEach(h -> h.beforeNodeRun(node, inputs));
  }

  @Override
  public void afterNodeRun(Node node, Map<String, Object> outputs, boolean cached) {
    hooks.forEach(h -> h.afterNodeRun(node, outputs, cached));
  }

  @Override
  public void onNodeError(Node node, Throwable error) {
    hooks.forEach(h -> h.onNodeError(node, error));
  }

  @Override
  public void beforeDatasetLoad(String dataset) {
    hooks.forEach(h -> h.beforeDatasetLoad(dataset));
  }

  @Override
  public void afterDatasetLoad(String dataset, Object value) {
    hooks.forEach(h -> h.afterDatasetLoad(dataset, value));
  }

  @Override
  public void beforeDatasetSave(String dataset, Object value) {
    hooks.forEach(h -> h.beforeDatasetSave(dataset, value));
  }

  @Override
  public void afterDatasetSave(String dataset, Object value) {
    hooks.forEach(h -> h.afterDatasetSave(dataset, value));
  }

  @Override
  public void onProgressStart(Node node, Progress task) {
    hooks.forEach(h -> h.onProgressStart(node, task));
  }

  @Override
  public void onProgressEnd(Node node, Progress task) {
    hooks.forEach(h -> h.onProgressEnd(node, task));
  }
}
