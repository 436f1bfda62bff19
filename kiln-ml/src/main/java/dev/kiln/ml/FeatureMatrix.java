package dev.kiln.ml;

import dev.kiln.core.KilnException;
import dev.kiln.ml.preprocess.EncodedFrame;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A model's input rows: the dense features as a row-major float matrix (NaN = missing) and the
 * sparse one-hot blocks as one code per row, so a text column of hundreds of categories costs one
 * int per row, not a float per category.
 *
 * @param dense rows x (features not in a block) values, row-major, in feature order
 * @param rows the number of rows
 * @param featureNames every feature name, blocks included, in the model's order
 * @param oneHot the one-hot blocks, in feature order, not overlapping
 */
public record FeatureMatrix(float[] dense, int rows, List<String> featureNames,
    List<OneHotBlock> oneHot) {

  /**
   * Validates the layout.
   *
   * @throws KilnException if the blocks overlap, leave the features, or the arrays do not match
   *     the row and feature counts
   */
  public FeatureMatrix {
    featureNames = List.copyOf(featureNames);
    oneHot = List.copyOf(oneHot);
    int end = 0;
    int covered = 0;
    for (OneHotBlock b : oneHot) {
      if (b.start() < end || b.start() + b.width() > featureNames.size()
          || b.codes().length != rows) {
        throw new KilnException("One-hot block at feature " + b.start() + " (width " + b.width()
            + ", " + b.codes().length + " rows) does not fit " + rows + " rows of "
            + featureNames.size() + " features.", "build it with FeatureMatrix.of");
      }
      end = b.start() + b.width();
      covered += b.width();
    }
    if (dense.length != (long) rows * (featureNames.size() - covered)) {
      throw new KilnException("Feature matrix shapes disagree: " + rows + " rows, "
          + (featureNames.size() - covered) + " dense features, " + dense.length + " values.",
          "build it with FeatureMatrix.of");
    }
  }

  /** Creates a dense matrix (no one-hot block). */
  public static FeatureMatrix dense(float[] values, int rows, List<String> featureNames) {
    return new FeatureMatrix(values, rows, featureNames, List.of());
  }

  /**
   * Lays out encoded rows in the given feature order; each one-hot block's names must follow one
   * another there, as training wrote them.
   *
   * @throws KilnException if a block's names are not together and in order
   * @throws dev.kiln.data.DataFormatException naming a missing or non-numeric column
   */
  public static FeatureMatrix of(EncodedFrame encoded, List<String> featureNames) {
    Map<String, EncodedFrame.Block> byFirst = new HashMap<>();
    encoded.oneHot().values().forEach(b -> {
      if (!b.names().isEmpty()) {
        byFirst.put(b.names().get(0), b);
      }
    });
    List<String> dense = new ArrayList<>();
    List<OneHotBlock> blocks = new ArrayList<>();
    for (int f = 0; f < featureNames.size(); ) {
      EncodedFrame.Block b = byFirst.get(featureNames.get(f));
      if (b == null) {
        dense.add(featureNames.get(f++));
        continue;
      }
      int w = b.names().size();
      if (f + w > featureNames.size() || !featureNames.subList(f, f + w).equals(b.names())) {
        throw new KilnException("The model's features do not hold the one-hot columns "
            + b.names() + " together and in order.", "train the model on the same preprocessing");
      }
      blocks.add(new OneHotBlock(f, w, b.codes()));
      f += w;
    }
    return new FeatureMatrix(encoded.frame().toFloatMatrix(dense), encoded.rows(), featureNames,
        blocks);
  }

  /** Returns the number of dense features per row. */
  public int denseWidth() {
    return rows == 0 ? denseCount() : dense.length / rows;
  }

  private int denseCount() {
    int n = featureNames.size();
    for (OneHotBlock b : oneHot) {
      n -= b.width();
    }
    return n;
  }

  /**
   * Returns every feature as a dense row-major matrix: a one-hot block's feature of the row's code
   * is 1 and the others NaN (missing), as XGBoost reads the sparse matrix. Costs a float per
   * category per row: for bounded batches only. Without blocks it is {@link #dense()} itself.
   */
  public float[] toDense() {
    if (oneHot.isEmpty()) {
      return dense;
    }
    int width = featureNames.size();
    int denseWidth = denseWidth();
    float[] out = new float[rows * width];
    for (int r = 0; r < rows; r++) {
      int from = r * denseWidth;
      int to = r * width;
      int f = 0;
      for (OneHotBlock b : oneHot) {
        int n = b.start() - f;
        System.arraycopy(dense, from, out, to, n);
        from += n;
        to += n;
        Arrays.fill(out, to, to + b.width(), Float.NaN);
        if (b.codes()[r] >= 0) {
          out[to + b.codes()[r]] = 1f;
        }
        to += b.width();
        f = b.start() + b.width();
      }
      System.arraycopy(dense, from, out, to, width - f);
    }
    return out;
  }

  /** Returns the given rows, in that order. */
  public FeatureMatrix take(int[] rowIndexes) {
    int w = denseWidth();
    float[] x = new float[rowIndexes.length * w];
    for (int i = 0; i < rowIndexes.length; i++) {
      System.arraycopy(dense, rowIndexes[i] * w, x, i * w, w);
    }
    return new FeatureMatrix(x, rowIndexes.length, featureNames,
        oneHot.stream().map(b -> b.take(rowIndexes)).toList());
  }

  /** Returns rows {@code from} (inclusive) to {@code to} (exclusive). */
  public FeatureMatrix rows(int from, int to) {
    int[] indexes = new int[to - from];
    Arrays.setAll(indexes, i -> from + i);
    return take(indexes);
  }
}
