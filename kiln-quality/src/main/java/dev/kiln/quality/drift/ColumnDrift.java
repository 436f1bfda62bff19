package dev.kiln.quality.drift;

/**
 * One column's drift verdict.
 *
 * @param column the column
 * @param test the test used: ks, chisquare, z, wasserstein, jensenshannon or psi
 * @param score the p-value (ks, chisquare, z) or the distance (the others)
 * @param threshold the threshold applied
 * @param drifted whether the column drifted
 */
public record ColumnDrift(String column, String test, double score, double threshold,
    boolean drifted) {}
