package dev.kiln.ml;

/** Trains a {@link Model}. */
public interface Estimator {
  /**
   * Trains on data, optionally watching a validation set (for early stopping).
   *
   * @param validation data to evaluate while training, or null
   * @throws dev.kiln.core.KilnException if the data or parameters are invalid
   */
  Model fit(TrainingData train, TrainingData validation);
}
