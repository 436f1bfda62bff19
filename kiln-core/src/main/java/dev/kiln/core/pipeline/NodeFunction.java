package dev.kiln.core.pipeline;

/**
 * The code of a node: reads its inputs, returns its outputs. Any exception it throws fails the
 * node; the runner names the node and its inputs.
 */
@FunctionalInterface
public interface NodeFunction {
  /** Computes the outputs from the inputs. */
  Outputs apply(Inputs inputs) throws Exception;
}
