package dev.kiln.ml.bundle;

import dev.kiln.data.Column;
import dev.kiln.data.ColumnType;
import dev.kiln.data.Frame;
import dev.kiln.data.FrameSchema;
import dev.kiln.data.expr.RowBuffer;
import dev.kiln.data.expr.RowProgram;
import dev.kiln.ml.preprocess.FeatureTransforms;
import dev.kiln.ml.preprocess.FittedAffine;
import dev.kiln.ml.preprocess.FittedImputer;
import dev.kiln.ml.preprocess.FittedStep;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bundle's feature computation compiled once, for a server's small requests: each request row
 * is written into a reused {@link RowBuffer}, the bundle's derived columns are computed by the
 * expression engine's per-row evaluator, numeric imputers and scalers are applied per value, and
 * the model's features are written straight into the row-major matrix, with no intermediate
 * frames. It gives, bit for bit, the matrix of {@link LoadedBundle#features}, which stays the path
 * for everything it does not cover (encoders of text columns).
 */
public final class RowFeatures {
  /** Writes the input fields of request row {@code r} into the buffer's slots (bundle order). */
  @FunctionalInterface
  public interface RowSource {
    /** Sets every input slot of {@code row} (in the order of the bundle's inputs) for row r. */
    void fill(RowBuffer row, int r);
  }

  private final RowProgram program;
  private final ColumnType[] inputTypes;
  private final int[] featureSlots;
  private final ColumnType[] featureTypes;
  private final ValueSteps[] steps;
  private final ThreadLocal<RowBuffer> buffers;

  private RowFeatures(RowProgram program, int[] featureSlots, ValueSteps[] steps) {
    this.program = program;
    this.inputTypes = program.inputSchema().columns().values().toArray(ColumnType[]::new);
    this.featureSlots = featureSlots;
    this.steps = steps;
    ColumnType[] all = program.outputSchema().columns().values().toArray(ColumnType[]::new);
    this.featureTypes = new ColumnType[featureSlots.length];
    for (int f = 0; f < featureSlots.length; f++) {
      featureTypes[f] = all[featureSlots[f]];
    }
    this.buffers = ThreadLocal.withInitial(program::newBuffer);
  }

  /**
   * Compiles a bundle whose preprocessing is its feature transforms (if any) followed by numeric
   * imputers and scalers, or returns null when it has other steps (encoders work on frames).
   */
  public static RowFeatures compile(LoadedBundle bundle) {
    List<FittedStep> all = bundle.preprocessing().steps();
    boolean leadingTransforms = !all.isEmpty() && all.get(0) instanceof FeatureTransforms;
    FeatureTransforms transforms = leadingTransforms ? (FeatureTransforms) all.get(0)
        : new FeatureTransforms(List.of(), List.of());
    Map<String, ColumnType> input = new LinkedHashMap<>();
    for (FieldSpec field : bundle.manifest().inputs()) {
      input.put(field.name(), field.type());
    }
    RowProgram program = transforms.compile(new FrameSchema(input));
    Map<String, ColumnType> types = new LinkedHashMap<>(program.outputSchema().columns());
    List<String> features = bundle.manifest().features();
    List<FittedStep> rest = all.subList(leadingTransforms ? 1 : 0, all.size());
    ValueSteps[] steps = ValueSteps.compile(rest, types, features);
    if (steps == null) {
      return null;
    }
    List<String> slots = List.copyOf(program.outputSchema().columns().keySet());
    int[] featureSlots = new int[features.size()];
    for (int f = 0; f < featureSlots.length; f++) {
      featureSlots[f] = slots.indexOf(features.get(f));
      if (featureSlots[f] < 0 || types.get(features.get(f)) == ColumnType.STRING) {
        return null;
      }
    }
    return new RowFeatures(program, featureSlots, steps);
  }

  /** Returns the number of model features per row. */
  public int width() {
    return featureSlots.length;
  }

  /**
   * Returns the model's row-major feature matrix, the same values as
   * {@link LoadedBundle#features}, or null when {@code input} does not hold exactly the compiled
   * input columns with the compiled types (a fraction sent for a whole-number field makes it a
   * double column: such frames take {@link LoadedBundle#features}, which evaluates the
   * expressions over that type).
   */
  public float[] features(Frame input) {
    List<Column> columns = input.columns();
    if (columns.size() != inputTypes.length) {
      return null;
    }
    for (int c = 0; c < inputTypes.length; c++) {
      if (columns.get(c).type() != inputTypes[c]) {
        return null;
      }
    }
    int rows = input.rowCount();
    return features((row, r) -> {
      for (int c = 0; c < inputTypes.length; c++) {
        set(row, c, columns.get(c), r);
      }
    }, rows, new float[rows * featureSlots.length]);
  }

  /**
   * Computes the features of {@code rows} rows whose inputs {@code source} writes, with the
   * compiled input types, into {@code out} (at least {@code rows * width()} long).
   *
   * @return {@code out}
   */
  public float[] features(RowSource source, int rows, float[] out) {
    int width = featureSlots.length;
    RowBuffer row = buffers.get();
    for (int r = 0; r < rows; r++) {
      source.fill(row, r);
      program.compute(row);
      for (int f = 0; f < width; f++) {
        double x = value(row, featureSlots[f], featureTypes[f]);
        out[r * width + f] = (float) (steps[f] == null ? x : steps[f].apply(x));
      }
    }
    return out;
  }

  private void set(RowBuffer row, int slot, Column column, int r) {
    if (column.isNull(r)) {
      row.setNull(slot);
      return;
    }
    switch (inputTypes[slot]) {
      case DOUBLE -> row.setDouble(slot, column.getDouble(r));
      case LONG, TIMESTAMP -> row.setLong(slot, column.getLong(r));
      case BOOLEAN -> row.setBoolean(slot, column.getDouble(r) != 0);
      case STRING -> row.setString(slot, (String) column.get(r));
    }
  }

  /** Returns a slot as {@link Column#getDouble} reads it: NaN when missing. */
  private static double value(RowBuffer row, int slot, ColumnType type) {
    if (row.isNull(slot)) {
      return Double.NaN;
    }
    return switch (type) {
      case DOUBLE -> row.getDouble(slot);
      case LONG, TIMESTAMP -> row.getLong(slot);
      case BOOLEAN -> row.getBoolean(slot) ? 1 : 0;
      case STRING -> throw new IllegalStateException("text features are not compiled");
    };
  }

  /**
   * The numeric imputers and scalers that apply to one feature, in order, as the frame path
   * computes them: a fill replaces a missing value (NaN), a scaler maps {@code (x - offset) /
   * scale} and leaves a missing value missing.
   */
  private record ValueSteps(boolean[] fill, double[] a, double[] b) {
    double apply(double x) {
      for (int i = 0; i < fill.length; i++) {
        if (fill[i]) {
          x = Double.isNaN(x) ? a[i] : x;
        } else if (!Double.isNaN(x)) {
          x = (x - a[i]) / b[i];
        }
      }
      return x;
    }

    /**
     * Returns the steps per feature (null where none applies), or null when a step is not a
     * numeric imputer or scaler over a numeric column the transforms produce.
     */
    static ValueSteps[] compile(List<FittedStep> steps, Map<String, ColumnType> types,
        List<String> features) {
      List<List<double[]>> perFeature = new ArrayList<>();
      for (int f = 0; f < features.size(); f++) {
        perFeature.add(new ArrayList<>());
      }
      for (FittedStep step : steps) {
        if (step instanceof FittedAffine affine) {
          for (int j = 0; j < affine.columns().size(); j++) {
            if (!add(perFeature, types, features, affine.columns().get(j),
                new double[] {0, affine.offset()[j], affine.scale()[j]})) {
              return null;
            }
          }
        } else if (step instanceof FittedImputer imputer) {
          for (Map.Entry<String, Object> e : imputer.values().entrySet()) {
            if (!(e.getValue() instanceof Number fill) || !add(perFeature, types, features,
                e.getKey(), new double[] {1, fill.doubleValue(), 0})) {
              return null;
            }
          }
        } else {
          return null;
        }
      }
      ValueSteps[] out = new ValueSteps[features.size()];
      for (int f = 0; f < out.length; f++) {
        List<double[]> ops = perFeature.get(f);
        if (!ops.isEmpty()) {
          boolean[] fill = new boolean[ops.size()];
          double[] a = new double[ops.size()];
          double[] b = new double[ops.size()];
          for (int i = 0; i < fill.length; i++) {
            fill[i] = ops.get(i)[0] == 1;
            a[i] = ops.get(i)[1];
            b[i] = ops.get(i)[2];
          }
          out[f] = new ValueSteps(fill, a, b);
        }
      }
      return out;
    }

    /** Adds an operation on a column; false if the column is missing or holds text. */
    private static boolean add(List<List<double[]>> perFeature, Map<String, ColumnType> types,
        List<String> features, String column, double[] op) {
      ColumnType type = types.get(column);
      if (type == null || type == ColumnType.STRING) {
        return false;
      }
      types.put(column, ColumnType.DOUBLE);
      int f = features.indexOf(column);
      if (f >= 0) {
        perFeature.get(f).add(op);
      }
      return true;
    }
  }
}
