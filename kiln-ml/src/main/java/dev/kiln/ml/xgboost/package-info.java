/**
 * XGBoost models: {@link dev.kiln.ml.xgboost.XGBoostEstimator} trains with XGBoost4J; {@link
 * dev.kiln.ml.xgboost.TreeEnsemble} predicts from XGBoost's JSON model in plain Java, with
 * XGBoost's results.
 */
package dev.kiln.ml.xgboost;
