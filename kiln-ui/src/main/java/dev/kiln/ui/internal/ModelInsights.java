package dev.kiln.ui.internal;

import dev.kiln.core.catalog.ContentHash;
import dev.kiln.data.Frame;
import dev.kiln.data.io.CsvOptions;
import dev.kiln.data.io.FileFormat;
import dev.kiln.data.io.FrameChunks;
import dev.kiln.data.io.FrameReader;
import dev.kiln.ml.Task;
import dev.kiln.ml.bundle.BundleManifest;
import dev.kiln.ml.bundle.FieldSpec;
import dev.kiln.ml.bundle.LoadedBundle;
import dev.kiln.ml.metrics.ScoreCurves;
import dev.kiln.tracking.DatasetInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The charts of a model version, from its bundle and its run's lineage: feature importance (the
 * model's total gain), the mean absolute SHAP value per feature over up to
 * {@value #SHAP_ROWS} rows of a dataset the run used that holds every input, and the evaluation
 * curves (ROC and precision-recall for classifiers, residuals for regression) from a scored
 * dataset the run wrote (one holding the label and a score column). Only files whose content
 * hash still matches the run's lineage are used, so the charts always belong to this version.
 */
final class ModelInsights {
  static final int SHAP_ROWS = 500;
  private static final int CURVE_POINTS = 400;
  private static final List<String> SCORE_COLUMNS = List.of("probability", "score", "prediction");

  private ModelInsights() {}

  static Map<String, Object> of(LoadedBundle bundle, List<DatasetInput> lineage) {
    BundleManifest m = bundle.manifest();
    Map<String, Object> out = new LinkedHashMap<>();
    try {
      out.put("importance", bundle.model().featureImportance());
    } catch (RuntimeException e) {
      out.put("importance", null);
    }
    out.put("evaluation", evaluation(m, lineage));
    out.put("shap", shap(bundle, lineage));
    return out;
  }

  private static Map<String, Object> evaluation(BundleManifest m, List<DatasetInput> lineage) {
    Map<String, Object> out = new LinkedHashMap<>();
    DatasetInput source = null;
    String scoreColumn = null;
    for (DatasetInput d : lineage) {
      Optional<Frame> head = read(d, 1);
      if (head.isPresent() && head.get().hasColumn(m.label())) {
        scoreColumn = SCORE_COLUMNS.stream().filter(head.get()::hasColumn).findFirst()
            .orElse(null);
      }
      if (scoreColumn != null) {
        source = d;
        break;
      }
    }
    Optional<Frame> scored = source == null ? Optional.empty() : read(source, -1);
    if (scored.isEmpty()) {
      return null;
    }
    Frame f = scored.get();
    out.put("dataset", source.name());
    double[] truth = f.column(m.label()).toDoubleArray();
    double[] score = f.column(scoreColumn).toDoubleArray();
    out.put("dataset_columns", List.of(m.label(), scoreColumn));
    out.put("rows", f.rowCount());
    if (m.task() == Task.REGRESSION) {
      out.put("residuals", residuals(truth, score));
      return out;
    }
    if (m.task() != Task.BINARY_CLASSIFICATION) {
      return null;
    }
    int[] labels = new int[truth.length];
    for (int i = 0; i < truth.length; i++) {
      labels[i] = (int) truth[i];
    }
    ScoreCurves curves = ScoreCurves.of(labels, score);
    double[][] roc = curves.rocCurve();
    double[][] pr = curves.precisionRecallCurve();
    out.put("roc", Map.of("x", thin(roc[0]), "y", thin(roc[1]), "auc", curves.rocAuc()));
    out.put("pr", Map.of("x", thin(pr[1]), "y", thin(pr[0]),
        "average_precision", curves.averagePrecision()));
    return out;
  }

  private static Map<String, Object> residuals(double[] truth, double[] predicted) {
    int n = Math.min(truth.length, 2000);
    int step = Math.max(1, truth.length / n);
    List<Double> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    for (int i = 0; i < truth.length; i += step) {
      x.add(predicted[i]);
      y.add(truth[i] - predicted[i]);
    }
    return Map.of("predicted", x, "residual", y);
  }

  /** Keeps at most {@value #CURVE_POINTS} evenly spaced points, always the first and last. */
  private static double[] thin(double[] values) {
    if (values.length <= CURVE_POINTS) {
      return values;
    }
    double[] out = new double[CURVE_POINTS];
    for (int i = 0; i < CURVE_POINTS; i++) {
      out[i] = values[(int) Math.round((double) i * (values.length - 1) / (CURVE_POINTS - 1))];
    }
    return out;
  }

  private static boolean unchanged(DatasetInput d, Path path) {
    try {
      return d.contentHash() != null && d.contentHash().equals(ContentHash.of(path));
    } catch (IOException e) {
      return false;
    }
  }

  private static Map<String, Object> shap(LoadedBundle bundle, List<DatasetInput> lineage) {
    if (!bundle.explainable()) {
      return null;
    }
    List<String> inputs = bundle.manifest().inputs().stream().map(FieldSpec::name).toList();
    for (DatasetInput d : lineage) {
      Optional<Frame> head = read(d, 1);
      Optional<Frame> f = head.isPresent() && inputs.stream().allMatch(head.get()::hasColumn)
          ? read(d, SHAP_ROWS) : Optional.empty();
      if (f.isPresent()) {
        Frame rows = f.get().head(SHAP_ROWS);
        List<Map<String, Double>> contributions = bundle.explain(rows);
        Map<String, Double> meanAbs = new LinkedHashMap<>();
        for (Map<String, Double> row : contributions) {
          row.forEach((k, v) -> {
            if (!k.equals("bias")) {
              meanAbs.merge(k, Math.abs(v) / contributions.size(), Double::sum);
            }
          });
        }
        return Map.of("dataset", d.name(), "rows", rows.rowCount(), "mean_abs", meanAbs);
      }
    }
    return null;
  }

  /**
   * Reads a tabular dataset of the lineage ({@code limit} rows, or all if negative), only if
   * the file still holds what the run recorded (same content hash): a later run may have
   * overwritten it.
   */
  private static Optional<Frame> read(DatasetInput d, int limit) {
    Path path = Path.of(d.location());
    Optional<FileFormat> format = FileFormat.ofFile(path);
    if (format.isEmpty() || d.location().endsWith(".json") || !Files.isRegularFile(path)
        || !unchanged(d, path)) {
      return Optional.empty();
    }
    try (FrameChunks chunks = FrameReader.chunks(path, format.get(), CsvOptions.defaults(),
        limit)) {
      return chunks.hasNext() ? Optional.of(chunks.next()) : Optional.empty();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
