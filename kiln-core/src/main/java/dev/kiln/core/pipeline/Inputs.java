package dev.kiln.core.pipeline;

/** The loaded inputs of a node, looked up by the references the node declared. */
public interface Inputs {
  /**
   * Returns the value of an input.
   *
   * @throws PipelineException if the node did not declare this input
   */
  <T> T get(DatasetRef<T> ref);
}
