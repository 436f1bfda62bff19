/**
 * Model selection: candidate estimators (the linear baseline, XGBoost, ...), each lightly tuned
 * over a small grid, compared on validation rows by one metric; the result reports every
 * candidate and holds the better model.
 */
package dev.kiln.ml.selection;
