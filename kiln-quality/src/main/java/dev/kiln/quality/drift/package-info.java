/**
 * Drift statistics between a reference sample and a current one, with the definitions of
 * Evidently and SciPy: Kolmogorov-Smirnov, Wasserstein, PSI, Jensen-Shannon, chi-square and z
 * tests. {@link dev.kiln.quality.drift.DriftDetector} picks a test per column and writes a {@link
 * dev.kiln.quality.drift.DriftReport}.
 */
package dev.kiln.quality.drift;
