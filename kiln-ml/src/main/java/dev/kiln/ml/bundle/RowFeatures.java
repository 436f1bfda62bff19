package dev.kiln.ml.bundle;

import dev.kiln.data.Column;
import dev.kiln.data.ColumnType;
import dev.kiln.data.Frame;
import dev.kiln.data.FrameSchema;
import dev.kiln.data.expr.RowBuffer;
import dev.kiln.data.expr.RowProgram;
import dev.kiln.ml.preprocess.FeatureTransforms;
import dev.kiln.ml.preprocess.FittedStep;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bundle's feature computation compiled once, for a server's small requests: each row of the
 * input frame is copied into a reused {@link RowBuffer}, the bundle's derived columns are computed
 * by the expression engine's per-row evaluator, and the model's features are written straight into
 * the row-major matrix, with no intermediate frames. It gives the same matrix as
 * {@link LoadedBundle#features}, which stays the path for everything it does not cover.
 */
public final class RowFeatures {
  private final RowProgram program;
  private final ColumnType[] inputTypes;
  private final int[] featureSlots;
  private final ColumnType[] featureTypes;
  private final ThreadLocal<RowBuffer> buffers;

  private RowFeatures(RowProgram program, int[] featureSlots) {
    this.program = program;
    this.inputTypes = program.inputSchema().columns().values().toArray(ColumnType[]::new);
    this.featureSlots = featureSlots;
    ColumnType[] all = program.outputSchema().columns().values().toArray(ColumnType[]::new);
    this.featureTypes = new ColumnType[featureSlots.length];
    for (int f = 0; f < featureSlots.length; f++) {
      featureTypes[f] = all[featureSlots[f]];
    }
    this.buffers = ThreadLocal.withInitial(program::newBuffer);
  }

  /**
   * Compiles a bundle whose preprocessing is at most its feature transforms (no fitted encoders
   * or scalers, which work on frames), or returns null when it has other steps.
   */
  public static RowFeatures compile(LoadedBundle bundle) {
    List<FittedStep> steps = bundle.preprocessing().steps();
    if (steps.size() > 1 || (steps.size() == 1 && !(steps.get(0) instanceof FeatureTransforms))) {
      return null;
    }
    Map<String, ColumnType> input = new LinkedHashMap<>();
    for (FieldSpec field : bundle.manifest().inputs()) {
      input.put(field.name(), field.type());
    }
    FeatureTransforms transforms = steps.isEmpty()
        ? new FeatureTransforms(List.of(), List.of()) : (FeatureTransforms) steps.get(0);
    RowProgram program = transforms.compile(new FrameSchema(input));
    List<String> slots = List.copyOf(program.outputSchema().columns().keySet());
    List<String> features = bundle.manifest().features();
    int[] featureSlots = new int[features.size()];
    for (int f = 0; f < featureSlots.length; f++) {
      featureSlots[f] = slots.indexOf(features.get(f));
      if (featureSlots[f] < 0
          || program.outputSchema().columns().get(features.get(f)) == ColumnType.STRING) {
        return null;
      }
    }
    return new RowFeatures(program, featureSlots);
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
    int width = featureSlots.length;
    float[] out = new float[rows * width];
    RowBuffer row = buffers.get();
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < inputTypes.length; c++) {
        set(row, c, columns.get(c), r);
      }
      program.compute(row);
      for (int f = 0; f < width; f++) {
        out[r * width + f] = (float) value(row, featureSlots[f], featureTypes[f]);
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
}
