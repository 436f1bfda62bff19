package dev.kiln.lifecycle.modeltest;

import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import dev.kiln.lifecycle.HoldoutEvaluation;
import dev.kiln.lifecycle.LifecycleException;
import dev.kiln.ml.Task;
import dev.kiln.ml.bundle.LoadedBundle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.IntStream;

/** Evaluates a {@link ModelTestSuite.Slice}: one metric bound per slice of a dataset. */
final class SliceChecks {
  private static final int MIN_ROWS = 30;

  private final LoadedBundle bundle;
  private final Function<String, Frame> data;

  SliceChecks(LoadedBundle bundle, Function<String, Frame> data) {
    this.bundle = bundle;
    this.data = data;
  }

  List<ModelTestResult> run(ModelTestSuite.Slice s) {
    if (s.min() == null && s.max() == null) {
      throw new LifecycleException("Slice test '" + s.name() + "' has neither min nor max.",
          "e.g. min: 0.85 for roc_auc, max: 2500 for rmse");
    }
    Frame frame = data.apply(s.data());
    if (!frame.hasColumn(s.column())) {
      throw new LifecycleException("Slice test '" + s.name() + "' slices by column '"
          + s.column() + "', which dataset '" + s.data() + "' does not have.", "columns are "
          + frame.columnNames());
    }
    int minRows = s.minRows() == null ? MIN_ROWS : s.minRows();
    List<ModelTestResult> results = new ArrayList<>();
    slices(frame.column(s.column()), s.bins()).forEach((label, rows) -> {
      String name = s.name() + ": " + s.column() + " " + label;
      if (rows.length < minRows) {
        results.add(new ModelTestResult("slice", name, ModelTestResult.Status.SKIPPED,
            rows.length + " rows, fewer than min_rows " + minRows));
        return;
      }
      results.add(judge(s, name, frame.take(rows)));
    });
    return results;
  }

  private ModelTestResult judge(ModelTestSuite.Slice s, String name, Frame slice) {
    String label = bundle.manifest().label();
    if (bundle.manifest().task() == Task.BINARY_CLASSIFICATION && slice.hasColumn(label)
        && Arrays.stream(slice.column(label).toDoubleArray()).distinct().count() < 2) {
      return new ModelTestResult("slice", name, ModelTestResult.Status.SKIPPED, "one class only"
          + " in " + slice.rowCount() + " rows: " + s.metric() + " is undefined");
    }
    Map<String, Double> metrics = HoldoutEvaluation.evaluate(bundle, slice);
    Double value = metrics.get(s.metric());
    if (value == null) {
      throw new LifecycleException("Slice test '" + s.name() + "' bounds metric '" + s.metric()
          + "', which model '" + bundle.manifest().name() + "' is not evaluated on.",
          "use one of " + metrics.keySet());
    }
    if (value.isNaN()) {
      return new ModelTestResult("slice", name, ModelTestResult.Status.SKIPPED, s.metric()
          + " is undefined on " + slice.rowCount() + " rows (one class only?)");
    }
    boolean ok = (s.min() == null || value >= s.min()) && (s.max() == null || value <= s.max());
    String bound = (s.min() != null ? " >= " + s.min() : "")
        + (s.min() != null && s.max() != null ? " and" : "")
        + (s.max() != null ? " <= " + s.max() : "");
    return ModelTestResult.of("slice", name, ok, String.format(Locale.ROOT, "%s %.4f on %d rows"
        + " (must be%s)", s.metric(), value, slice.rowCount(), bound));
  }

  /** Row indexes per slice label: numeric bands, or one slice per distinct value. */
  static Map<String, int[]> slices(Column column, List<Double> bins) {
    Map<String, int[]> out = new java.util.LinkedHashMap<>();
    if (bins != null) {
      for (int b = 0; b + 1 < bins.size(); b++) {
        double lo = bins.get(b);
        double hi = bins.get(b + 1);
        boolean last = b + 2 == bins.size();
        out.put(String.format(Locale.ROOT, "[%s, %s%s", plain(lo), plain(hi), last ? "]" : ")"),
            IntStream.range(0, column.size()).filter(i -> {
              double v = column.getDouble(i);
              return v >= lo && (last ? v <= hi : v < hi);
            }).toArray());
      }
      return out;
    }
    Map<String, List<Integer>> byValue = new TreeMap<>();
    for (int i = 0; i < column.size(); i++) {
      if (!column.isNull(i)) {
        byValue.computeIfAbsent("= " + column.get(i), k -> new ArrayList<>()).add(i);
      }
    }
    byValue.forEach((k, v) -> out.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
    return out;
  }

  private static String plain(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
