package dev.kiln.ml;

import dev.kiln.data.Frame;
import dev.kiln.ml.preprocess.FittedPreprocessor;
import java.util.List;

/**
 * A model with everything needed to apply it to raw rows: the target it predicts, the input
 * columns it reads, the fitted preprocessing and the estimator's model. What the built-in
 * {@code train} node produces and {@code evaluate}, {@code explain} and {@code bundle} read.
 *
 * @param label the target column
 * @param task what the model predicts
 * @param inputs the input columns, before preprocessing
 * @param preprocessing the fitted preprocessing
 * @param model the trained model
 */
public record TrainedModel(String label, Task task, List<String> inputs,
    FittedPreprocessor preprocessing, Model model) {

  /** Copies the list. */
  public TrainedModel {
    inputs = List.copyOf(inputs);
  }

  /**
   * Returns the model's feature matrix (sparse one-hot blocks as codes) for the rows of a frame holding the input columns.
   *
   * @throws dev.kiln.data.DataFormatException naming a missing input column
   */
  public TrainingData features(Frame frame) {
    FeatureMatrix x = FeatureMatrix.of(preprocessing.encode(frame.select(inputs)),
        model.featureNames());
    return new TrainingData(x.dense(), x.rows(), x.featureNames(), new float[x.rows()], null,
        x.oneHot());
  }

  /**
   * Predicts the rows of a frame: the probability of class 1 (binary), one probability per
   * class per row (multiclass) or the value (regression).
   */
  public double[] predict(Frame frame) {
    return model.predict(features(frame).matrix());
  }
}
