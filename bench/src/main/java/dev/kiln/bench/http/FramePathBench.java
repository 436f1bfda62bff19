package dev.kiln.bench.http;

import dev.kiln.data.Column;
import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.LongColumn;
import dev.kiln.data.expr.DerivedColumns;
import dev.kiln.ml.bundle.FieldSpec;
import dev.kiln.ml.bundle.LoadedBundle;
import dev.kiln.ml.bundle.ModelBundle;
import dev.kiln.ml.preprocess.FeatureTransforms;
import dev.kiln.ml.preprocess.FittedStep;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The per-request cost of a bundle's derived columns on the frame path (the path of requests the
 * per-row features do not cover), in process: the bundle's {@link FeatureTransforms} with its
 * expressions parsed at load, against parsing them per request as the step did before (the
 * engine's {@link DerivedColumns} over the same columns, then the same drop). Rounds alternate so
 * both see the same machine. Usage: {@code FramePathBench BUNDLE [ROUNDS]}.
 */
public final class FramePathBench {
  /** Keeps the results alive, so the JIT cannot drop the calls. */
  private static volatile long sink;

  private FramePathBench() {}

  /** Prints ns per frame of 1 and 100 rows for both, and their ratio. */
  public static void main(String[] args) {
    LoadedBundle bundle = ModelBundle.load(Path.of(args[0]));
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    FittedStep first = bundle.preprocessing().steps().get(0);
    if (!(first instanceof FeatureTransforms step)) {
      throw new IllegalArgumentException("Bundle '" + args[0] + "' has no derived columns.");
    }
    for (int rows : new int[] {1, 100}) {
      Frame input = inputs(bundle, rows);
      long[] parsedOnce = new long[rounds];
      long[] perRequest = new long[rounds];
      for (int r = 0; r < rounds; r++) {
        parsedOnce[r] = nanosPerCall(() -> step.transform(input));
        perRequest[r] = nanosPerCall(() -> reparsed(step, input));
      }
      long once = median(parsedOnce);
      long again = median(perRequest);
      System.out.printf("derived columns (%d), %3d-row frame: parsed at load %,8d ns,"
          + " parsed per request %,8d ns: %.2fx faster (median of %d alternating rounds)%n",
          step.columns().size(), rows, once, again, (double) again / once, rounds);
    }
  }

  /** What {@code FeatureTransforms.transform} did before: the engine parses per call. */
  private static Frame reparsed(FeatureTransforms step, Frame input) {
    Frame all = DerivedColumns.of(step.columns()).apply(input);
    List<String> kept = new ArrayList<>(all.columnNames());
    kept.removeAll(step.drop());
    return all.select(kept);
  }

  /** Rows spread evenly over each input's training range. */
  private static Frame inputs(LoadedBundle bundle, int rows) {
    List<Column> columns = new ArrayList<>();
    for (FieldSpec field : bundle.manifest().inputs()) {
      double low = field.min() == null ? 0 : field.min();
      double high = field.max() == null ? 1 : field.max();
      double[] values = new double[rows];
      for (int i = 0; i < rows; i++) {
        values[i] = low + (high - low) * (i + 1) / (rows + 1);
      }
      columns.add(switch (field.type()) {
        case LONG -> LongColumn.of(field.name(),
            Arrays.stream(values).mapToLong(Math::round).toArray());
        case DOUBLE -> DoubleColumn.of(field.name(), values);
        default -> throw new IllegalArgumentException("FramePathBench needs numeric inputs;"
            + " '" + field.name() + "' is " + field.type());
      });
    }
    return Frame.of(columns);
  }

  /** Runs calls for about 200 ms and returns the mean nanoseconds per call. */
  private static long nanosPerCall(Supplier<Frame> call) {
    long rows = 0;
    long start = System.nanoTime();
    long calls = 0;
    while (System.nanoTime() - start < 200_000_000L) {
      for (int i = 0; i < 100; i++) {
        rows += call.get().rowCount();
      }
      calls += 100;
    }
    sink = rows;
    return (System.nanoTime() - start) / calls;
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
