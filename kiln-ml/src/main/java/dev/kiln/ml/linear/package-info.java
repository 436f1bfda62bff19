/**
 * Linear and logistic regression, the small baseline estimator next to XGBoost, stored as JSON.
 */
package dev.kiln.ml.linear;
