package dev.kiln.core.pipeline;

/** The loaded inputs of a node, looked up by the references the node declared. */
public interface Inputs {
  /**
   * Returns the value of an input.
   *
   * @throws PipelineException if the node did not declare this input
   */
  <T> T get(DatasetRef<T> ref);

  /** Returns what the node may know about its run (run id, dataset hashes), for lineage. */
  default NodeContext context() {
    return NodeContext.none();
  }
}
