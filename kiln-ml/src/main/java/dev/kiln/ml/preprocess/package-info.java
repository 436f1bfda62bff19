/**
 * Preprocessing fitted on training rows and stored as JSON: imputation, scaling, one-hot and
 * categorical encoding. A {@link dev.kiln.ml.preprocess.Preprocessor} fits into a {@link
 * dev.kiln.ml.preprocess.FittedPreprocessor}, which transforms frames the same way in training,
 * batch scoring and serving.
 */
package dev.kiln.ml.preprocess;
