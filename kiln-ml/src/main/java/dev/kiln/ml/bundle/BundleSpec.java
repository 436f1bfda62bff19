package dev.kiln.ml.bundle;

import dev.kiln.data.Frame;
import dev.kiln.ml.Model;
import dev.kiln.ml.preprocess.FittedPreprocessor;
import java.util.Map;

/**
 * What goes into a new bundle.
 *
 * @param name the model name
 * @param version the version label
 * @param label the target column
 * @param trainingInputs training rows before preprocessing (the label may be included); their
 *     columns become the input schema
 * @param preprocessing the fitted preprocessing
 * @param model the trained model
 * @param threshold the decision threshold (binary classifiers), or null
 * @param metrics evaluation metrics
 * @param lineage run id, data hashes, code version
 */
public record BundleSpec(String name, String version, String label, Frame trainingInputs,
    FittedPreprocessor preprocessing, Model model, Double threshold, Map<String, Double> metrics,
    Map<String, String> lineage) {}
