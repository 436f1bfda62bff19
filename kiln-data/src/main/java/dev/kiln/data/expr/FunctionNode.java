package dev.kiln.data.expr;

import dev.kiln.data.ColumnType;
import java.util.List;

/** A function given by a kernel over its evaluated arguments (strings, dates, casts, ...). */
final class FunctionNode extends RowwiseNode {
  /** Computes a value from evaluated arguments without changing them. */
  @FunctionalInterface
  interface Kernel {
    void apply(Scalar[] in, Scalar out);
  }

  private final Kernel kernel;

  FunctionNode(ColumnType type, List<Node> args, Kernel kernel) {
    super(type, args);
    this.kernel = kernel;
  }

  /** A function whose result is null when any argument is null. */
  static FunctionNode strict(ColumnType type, List<Node> args, Kernel kernel) {
    return new FunctionNode(type, args, (in, out) -> {
      for (Scalar s : in) {
        if (s.isNull) {
          out.setNull();
          return;
        }
      }
      kernel.apply(in, out);
    });
  }

  @Override
  void apply(Scalar[] in, Scalar out) {
    kernel.apply(in, out);
  }
}
