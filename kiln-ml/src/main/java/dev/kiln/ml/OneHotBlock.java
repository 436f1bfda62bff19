package dev.kiln.ml;

import dev.kiln.core.KilnException;

/**
 * One text column one-hot encoded without a column per category: the block covers features
 * {@code start .. start + width - 1} of a feature matrix, and each row holds at most one of them,
 * its code. A row's other features of the block hold no entry, which XGBoost reads as missing (as
 * it reads the zeros scikit-learn's sparse {@code OneHotEncoder} output leaves out); the feature of
 * its code holds 1.
 *
 * @param start the index of the block's first feature in the matrix's feature names
 * @param width the number of features (categories, the infrequent one included)
 * @param codes per row, the feature index within the block (0 .. width - 1), or -1 for none
 *     (a missing value, or an unseen category with nowhere to go)
 */
public record OneHotBlock(int start, int width, int[] codes) {
  /**
   * Validates the layout.
   *
   * @throws KilnException if start or width is negative
   */
  public OneHotBlock {
    if (start < 0 || width < 0) {
      throw new KilnException("One-hot block at feature " + start + " of width " + width
          + " is out of range.", "blocks come from FittedPreprocessor.encode");
    }
  }

  /** Returns the block for the given rows, in that order. */
  public OneHotBlock take(int[] rows) {
    int[] out = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = codes[rows[i]];
    }
    return new OneHotBlock(start, width, out);
  }
}
