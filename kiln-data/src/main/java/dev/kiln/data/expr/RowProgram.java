package dev.kiln.data.expr;

import dev.kiln.data.FrameSchema;
import java.util.List;

/**
 * Derived columns compiled for per-row evaluation. Make a buffer with {@link #newBuffer}, set the
 * input slots, call {@link #compute}, then read the derived slots (after the input ones). Immutable
 * and thread-safe; use one buffer per thread.
 */
public final class RowProgram {
  private final FrameSchema input;
  private final FrameSchema output;
  private final Node[] nodes;

  RowProgram(FrameSchema input, FrameSchema output, List<Node> nodes) {
    this.input = input;
    this.output = output;
    this.nodes = nodes.toArray(Node[]::new);
  }

  /** Returns the schema of the raw input rows. */
  public FrameSchema inputSchema() {
    return input;
  }

  /** Returns the input schema followed by the derived columns: the layout of the buffers. */
  public FrameSchema outputSchema() {
    return output;
  }

  /** Returns a new buffer laid out by {@link #outputSchema}, every slot missing. */
  public RowBuffer newBuffer() {
    return new RowBuffer(output);
  }

  /** Computes the derived slots of a buffer from its input slots, allocating nothing. */
  public void compute(RowBuffer buffer) {
    int base = input.columns().size();
    for (int k = 0; k < nodes.length; k++) {
      nodes[k].eval(buffer, buffer.scratch);
      buffer.store(base + k, nodes[k].type, buffer.scratch);
    }
  }
}
