package dev.kiln.lifecycle.modeltest;

import dev.kiln.data.Column;
import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.StringColumn;
import dev.kiln.lifecycle.LifecycleException;
import dev.kiln.ml.bundle.LoadedBundle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs a {@link ModelTestSuite} against a loaded bundle: golden examples, slice metrics,
 * directional and invariance checks. Datasets are looked up by name through the given function
 * (a project's catalog).
 */
public final class ModelTestRunner {
  private static final double GOLDEN_TOLERANCE = 1e-6;

  private final LoadedBundle bundle;
  private final Function<String, Frame> data;

  /** Creates a runner for a bundle, loading the datasets the tests name with {@code data}. */
  public ModelTestRunner(LoadedBundle bundle, Function<String, Frame> data) {
    this.bundle = bundle;
    this.data = data;
  }

  /**
   * Runs every test of the suite.
   *
   * @param version the version the report names (the registry version, or the bundle's own)
   * @throws LifecycleException if a test names an unknown column, metric or expectation
   */
  public ModelTestReport run(ModelTestSuite suite, String version) {
    List<ModelTestResult> results = new ArrayList<>();
    suite.golden().forEach(g -> results.add(golden(g)));
    suite.slices().forEach(s -> results.addAll(new SliceChecks(bundle, data).run(s)));
    suite.directional().forEach(b -> results.add(behaviour("directional", b, b.expect())));
    suite.invariance().forEach(b -> results.add(behaviour("invariance", b, "unchanged")));
    return new ModelTestReport(bundle.manifest().name(), version, results);
  }

  private ModelTestResult golden(ModelTestSuite.Golden g) {
    List<Column> columns = new ArrayList<>();
    g.input().forEach((k, v) -> columns.add(constant(k, v, 1)));
    Frame out = bundle.predict(Frame.of(columns));
    double tolerance = g.tolerance() == null ? GOLDEN_TOLERANCE : g.tolerance();
    List<String> details = new ArrayList<>();
    boolean passed = true;
    for (Map.Entry<String, Double> e : g.expect().entrySet()) {
      if (!out.hasColumn(e.getKey())) {
        throw new LifecycleException("Golden test '" + g.name() + "' expects output '"
            + e.getKey() + "', which model '" + bundle.manifest().name() + "' does not give.",
            "expect one of " + out.columnNames());
      }
      double actual = out.column(e.getKey()).getDouble(0);
      boolean ok = Math.abs(actual - e.getValue()) <= tolerance;
      passed &= ok;
      details.add(String.format(Locale.ROOT, "%s %.6g (expected %.6g ± %.2g)", e.getKey(),
          actual, e.getValue(), tolerance));
    }
    return ModelTestResult.of("golden", g.name(), passed, String.join("; ", details));
  }

  private ModelTestResult behaviour(String kind, ModelTestSuite.Behaviour b, String expect) {
    Frame rows = data.apply(b.data());
    rows = rows.head(Math.min(rows.rowCount(), b.rows() == null ? 1000 : b.rows()));
    Frame changed = rows;
    if (b.add() != null) {
      for (Map.Entry<String, Double> e : b.add().entrySet()) {
        double[] values = column(rows, e.getKey(), kind, b.name()).toDoubleArray();
        Arrays.setAll(values, i -> values[i] + e.getValue());
        changed = changed.withColumn(DoubleColumn.of(e.getKey(), values));
      }
    }
    if (b.set() != null) {
      for (Map.Entry<String, Object> e : b.set().entrySet()) {
        column(rows, e.getKey(), kind, b.name());
        changed = changed.withColumn(constant(e.getKey(), e.getValue(), rows.rowCount()));
      }
    }
    double[] before = score(rows);
    double[] after = score(changed);
    double tolerance = b.tolerance() == null ? 1e-9 : b.tolerance();
    double allowed = b.maxViolations() == null ? 0 : b.maxViolations();
    return ScoreChange.of(before, after, tolerance).judge(kind, b.name(), expect, allowed);
  }

  private double[] score(Frame frame) {
    return bundle.predict(frame).column(bundle.manifest().predictionColumn()).toDoubleArray();
  }

  private static Column column(Frame frame, String name, String kind, String test) {
    if (!frame.hasColumn(name)) {
      throw new LifecycleException("The " + kind + " test '" + test + "' changes column '"
          + name + "', which its data does not have.", "columns are " + frame.columnNames());
    }
    return frame.column(name);
  }

  private static Column constant(String name, Object value, int rows) {
    if (value instanceof Number n) {
      double[] values = new double[rows];
      Arrays.fill(values, n.doubleValue());
      return DoubleColumn.of(name, values);
    }
    if (value instanceof Boolean b) {
      double[] values = new double[rows];
      Arrays.fill(values, b ? 1 : 0);
      return DoubleColumn.of(name, values);
    }
    String[] values = new String[rows];
    Arrays.fill(values, value == null ? null : value.toString());
    return StringColumn.of(name, values);
  }
}
