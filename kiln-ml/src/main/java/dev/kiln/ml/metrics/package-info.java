/**
 * Evaluation metrics with scikit-learn's definitions: binary (ROC-AUC, PR-AUC, log loss,
 * precision, recall, F1 at a threshold), multiclass and regression metrics, score curves, and
 * threshold choice ({@link dev.kiln.ml.metrics.Thresholds}).
 */
package dev.kiln.ml.metrics;
