package dev.kiln.quality.drift;

/**
 * One column's drift verdict. A NaN score means the test is undefined for the data (e.g.
 * chi-square over a single category, where SciPy also gives NaN): not drifted, and reported as
 * "undefined" rather than as a number.
 *
 * @param column the column
 * @param test the test used: ks, chisquare, z, wasserstein, jensenshannon or psi
 * @param score the p-value (ks, chisquare, z) or the distance (the others)
 * @param threshold the threshold applied
 * @param drifted whether the column drifted
 */
public record ColumnDrift(String column, String test, double score, double threshold,
    boolean drifted) {

  /** Returns whether the test has no result for these samples (its score is NaN). */
  public boolean undefined() {
    return Double.isNaN(score);
  }

  /** Returns "drift", "no drift" or "undefined". */
  public String verdict() {
    return undefined() ? "undefined" : drifted ? "drift" : "no drift";
  }
}
