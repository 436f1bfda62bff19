package dev.kiln.data.expr;

/**
 * Read access to one row by slot: the position of a column in the schema an expression was
 * compiled against ({@link Expression#compile}). Only the getter of the slot's type is called, and
 * only when {@link #isNull} is false.
 */
public interface RowAccessor {
  /** Returns whether the value in a slot is missing. */
  boolean isNull(int slot);

  /** Returns a DOUBLE slot's value. */
  double getDouble(int slot);

  /** Returns a LONG slot's value, or a TIMESTAMP slot's epoch microseconds. */
  long getLong(int slot);

  /** Returns a BOOLEAN slot's value. */
  boolean getBoolean(int slot);

  /** Returns a STRING slot's value. */
  String getString(int slot);
}
