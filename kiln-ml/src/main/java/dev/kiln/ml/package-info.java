/**
 * Training: an {@link dev.kiln.ml.Estimator} fits a {@link dev.kiln.ml.Model} on {@link
 * dev.kiln.ml.TrainingData} for a {@link dev.kiln.ml.Task}; a {@link dev.kiln.ml.TrainedModel}
 * keeps the model with its fitted preprocessing and input columns. Estimators are in {@link
 * dev.kiln.ml.xgboost} and {@link dev.kiln.ml.linear}.
 */
package dev.kiln.ml;
