package dev.kiln.ml.nodes;

import dev.kiln.core.KilnException;

/**
 * The parameters of the {@code explain} node.
 *
 * @param maxRows explain at most this many rows, drawn at random (5000)
 * @param seed the seed of that draw (42)
 */
public record ExplainParams(Integer maxRows, Long seed) {
  /** Validates and fills defaults. */
  public ExplainParams {
    maxRows = maxRows == null ? 5000 : maxRows;
    seed = seed == null ? 42L : seed;
    if (maxRows < 1) {
      throw new KilnException("parameter 'max_rows' must be at least 1, got " + maxRows + ".",
          null);
    }
  }
}
