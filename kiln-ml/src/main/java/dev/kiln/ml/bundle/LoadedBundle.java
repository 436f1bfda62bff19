package dev.kiln.ml.bundle;

import dev.kiln.data.Column;
import dev.kiln.data.ColumnType;
import dev.kiln.data.DataFormatException;
import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.LongColumn;
import dev.kiln.ml.Model;
import dev.kiln.ml.Task;
import dev.kiln.ml.preprocess.FittedPreprocessor;
import java.util.ArrayList;
import java.util.List;

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
    Frame checked = checkInputs(input);
    Frame features = preprocessing.transform(checked).select(manifest.features());
    double[] raw = model.predict(features.toFloatMatrix(manifest.features()), input.rowCount());
    return Frame.of(outputs(raw, input.rowCount()));
  }

  /** Returns the training data profile stored in the bundle, the reference for drift. */
  public java.util.Optional<dev.kiln.quality.profile.DataProfile> referenceProfile() {
    return java.util.Optional.ofNullable(manifest.referenceProfile())
        .map(p -> dev.kiln.quality.profile.DataProfile.fromJson(p.toString()));
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

  private List<Column> outputs(double[] raw, int rows) {
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
