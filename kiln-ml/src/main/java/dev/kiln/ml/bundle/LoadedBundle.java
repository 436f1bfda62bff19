package dev.kiln.ml.bundle;

import dev.kiln.data.Column;
import dev.kiln.data.ColumnType;
import dev.kiln.data.DataFormatException;
import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.LongColumn;
import dev.kiln.ml.FeatureMatrix;
import dev.kiln.ml.Model;
import dev.kiln.ml.Task;
import dev.kiln.ml.preprocess.FittedPreprocessor;
import dev.kiln.quality.profile.DataProfile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A verified bundle, ready to predict: input checks, the same preprocessing as in training, and
 * the model.
 *
 * @param manifest the manifest
 * @param preprocessing the fitted preprocessing
 * @param model the model
 */
public record LoadedBundle(BundleManifest manifest, FittedPreprocessor preprocessing,
    Model model) {

  /**
   * Predicts every row of a frame holding (at least) the input fields. Binary classifiers give
   * {@code probability} and {@code prediction} (0/1 at the bundle's threshold, 0.5 if none);
   * multiclass {@code probability_<k>} and {@code prediction}; regression {@code prediction}.
   *
   * @throws DataFormatException naming a missing or mistyped input column
   */
  public Frame predict(Frame input) {
    return outputs(model.predict(matrix(input)), input.rowCount());
  }

  /**
   * Checks and preprocesses the input fields into the model's feature matrix, sparse one-hot
   * columns as one code per row (never a value per category).
   *
   * @throws DataFormatException naming a missing or mistyped input column, or an unknown category
   */
  public FeatureMatrix matrix(Frame input) {
    return FeatureMatrix.of(preprocessing.encode(checkInputs(input)), manifest.features());
  }

  /**
   * Checks and preprocesses the input fields into the model's dense row-major feature matrix
   * (one-hot features as 1 or NaN, see {@link FeatureMatrix#toDense}), the first half of {@link
   * #predict}; servers use it to batch several requests into one model call.
   *
   * @throws DataFormatException naming a missing or mistyped input column, or an unknown category
   */
  public float[] features(Frame input) {
    return matrix(input).toDense();
  }

  /**
   * Turns the model's raw output for {@code rows} rows into the prediction columns, the second
   * half of {@link #predict}.
   */
  public Frame outputs(double[] raw, int rows) {
    return Frame.of(outputColumns(raw, rows));
  }

  /** Returns whether the model explains its predictions (XGBoost and linear models do). */
  public boolean explainable() {
    return model instanceof dev.kiln.ml.Explainable;
  }

  /**
   * Explains each row: SHAP contributions per model feature (TreeSHAP for XGBoost, the exact
   * linear SHAP values for linear models), plus {@code bias}.
   *
   * @throws BundleException if the model cannot explain its predictions (XGBoost and linear
   *     models can)
   */
  public List<Map<String, Double>> explain(Frame input) {
    if (!(model instanceof dev.kiln.ml.Explainable explainable)) {
      throw new BundleException("Model '" + manifest.name() + "' (" + manifest.modelFormat()
          + ") cannot explain its predictions.", "explanations need an XGBoost or linear model");
    }
    float[][] contributions = explainable.contributions(features(input), input.rowCount());
    List<Map<String, Double>> out = new ArrayList<>();
    for (float[] row : contributions) {
      Map<String, Double> named = new LinkedHashMap<>();
      for (int f = 0; f < manifest.features().size(); f++) {
        named.put(manifest.features().get(f), (double) row[f]);
      }
      named.put("bias", (double) row[row.length - 1]);
      out.add(named);
    }
    return out;
  }

  /** Returns the training data profile stored in the bundle, the reference for drift. */
  public Optional<DataProfile> referenceProfile() {
    return Optional.ofNullable(manifest.referenceProfile())
        .map(p -> DataProfile.fromJson(p.toString()));
  }

  private Frame checkInputs(Frame input) {
    List<Column> columns = new ArrayList<>();
    for (FieldSpec field : manifest.inputs()) {
      if (!input.hasColumn(field.name())) {
        throw new DataFormatException("Input has no column '" + field.name() + "', which model '"
            + manifest.name() + "' needs.", "inputs are " + manifest.inputs().stream()
            .map(FieldSpec::name).toList());
      }
      Column c = input.column(field.name());
      if (c.type() != field.type() && !(c.type().isNumeric() && field.type().isNumeric())) {
        throw new DataFormatException("Input column '" + field.name() + "' is " + c.type()
            + " but model '" + manifest.name() + "' expects " + field.type() + ".",
            "convert the column, or declare its type in the reader's schema");
      }
      columns.add(c.type() == field.type() || field.type() != ColumnType.DOUBLE ? c
          : DoubleColumn.of(c.name(), c.toDoubleArray()));
    }
    return Frame.of(columns);
  }

  private List<Column> outputColumns(double[] raw, int rows) {
    List<Column> out = new ArrayList<>();
    if (manifest.task() == Task.REGRESSION) {
      out.add(DoubleColumn.of("prediction", raw));
      return out;
    }
    if (manifest.task() == Task.BINARY_CLASSIFICATION) {
      double t = manifest.threshold() == null ? 0.5 : manifest.threshold();
      long[] label = new long[rows];
      for (int i = 0; i < rows; i++) {
        label[i] = raw[i] >= t ? 1 : 0;
      }
      out.add(DoubleColumn.of("probability", raw));
      out.add(LongColumn.of("prediction", label));
      return out;
    }
    int k = raw.length / rows;
    long[] label = new long[rows];
    for (int c = 0; c < k; c++) {
      double[] p = new double[rows];
      for (int i = 0; i < rows; i++) {
        p[i] = raw[i * k + c];
        if (p[i] > raw[i * k + (int) label[i]]) {
          label[i] = c;
        }
      }
      out.add(DoubleColumn.of("probability_" + c, p));
    }
    out.add(LongColumn.of("prediction", label));
    return out;
  }
}
