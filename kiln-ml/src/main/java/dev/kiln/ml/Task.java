package dev.kiln.ml;

/** What a model predicts. */
public enum Task {
  /** Two classes (0/1); predictions are the probability of class 1. */
  BINARY_CLASSIFICATION,
  /** Several classes (0..k-1); predictions are one probability per class. */
  MULTICLASS_CLASSIFICATION,
  /** A number. */
  REGRESSION
}
