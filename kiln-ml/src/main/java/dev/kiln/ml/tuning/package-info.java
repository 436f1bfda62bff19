/**
 * Hyperparameter search by cross-validation: a {@link dev.kiln.ml.tuning.SearchSpace} of
 * parameters, grid or random search in {@link dev.kiln.ml.tuning.HyperparameterSearch}, and the
 * {@link dev.kiln.ml.tuning.Trial}s it scored.
 */
package dev.kiln.ml.tuning;
