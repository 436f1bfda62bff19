package dev.kiln.data.expr;

import dev.kiln.data.Column;
import dev.kiln.data.ColumnType;

/**
 * A type-checked expression node. It evaluates two ways with the same semantics: per row into a
 * {@link Scalar}, and vectorized over whole columns into a {@link Vec}.
 */
abstract class Node {
  final ColumnType type;

  Node(ColumnType type) {
    this.type = type;
  }

  /** Evaluates for one row; {@code out} also holds this node's scratch space. */
  abstract void eval(RowAccessor row, Scalar out);

  /** Evaluates over whole columns ({@code columns} indexed by slot). */
  abstract Vec eval(Column[] columns, int rows);

  /** Returns whether this is the untyped {@code null} literal. */
  boolean isNullLiteral() {
    return false;
  }
}
