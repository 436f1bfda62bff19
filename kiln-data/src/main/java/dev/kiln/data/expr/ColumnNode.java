package dev.kiln.data.expr;

import dev.kiln.data.Column;
import dev.kiln.data.ColumnType;

/** A column reference, read from its slot. */
final class ColumnNode extends Node {
  private final int slot;

  ColumnNode(int slot, ColumnType type) {
    super(type);
    this.slot = slot;
  }

  @Override
  void eval(RowAccessor row, Scalar out) {
    if (row.isNull(slot)) {
      out.setNull();
      return;
    }
    switch (type) {
      case DOUBLE -> out.setDouble(row.getDouble(slot));
      case LONG, TIMESTAMP -> out.setLong(row.getLong(slot));
      case BOOLEAN -> out.setBoolean(row.getBoolean(slot));
      case STRING -> out.setString(row.getString(slot));
    }
  }

  @Override
  Vec eval(Column[] columns, int rows) {
    return Vec.of(columns[slot]);
  }
}
