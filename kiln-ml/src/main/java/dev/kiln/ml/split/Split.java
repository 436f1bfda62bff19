package dev.kiln.ml.split;

/**
 * Row indexes of a train part and a test part, each sorted.
 *
 * @param train rows to fit on
 * @param test rows to evaluate on
 */
public record Split(int[] train, int[] test) {}
