package dev.kiln.data.ops;

/** How a join treats rows without a match. */
public enum JoinType {
  /** Only rows whose keys match on both sides. */
  INNER,
  /** Every left row; right columns are missing where nothing matches. */
  LEFT
}
