package dev.kiln.ml.preprocess;

import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Preprocessed rows with the sparse one-hot columns kept as codes: the frame holds every output
 * column, except that each sparsely one-hot encoded column stays in place as its text column,
 * standing for its block of {@code column=category} features.
 *
 * @param frame the preprocessed columns, one-hot encoded ones as their text column
 * @param oneHot text column name to its block's feature names and per-row codes
 */
public record EncodedFrame(Frame frame, Map<String, Block> oneHot) {

  /**
   * One sparse one-hot block.
   *
   * @param names the block's feature names, in order
   * @param codes per row, the index in {@code names} of the row's feature, or -1 for none
   */
  public record Block(List<String> names, int[] codes) {
    /** Copies the list. */
    public Block {
      names = List.copyOf(names);
    }
  }

  /** Copies the map. */
  public EncodedFrame {
    oneHot = Collections.unmodifiableMap(new LinkedHashMap<>(oneHot));
  }

  /** Returns the rows with one more (or a replaced) column, e.g. the label. */
  public EncodedFrame withColumn(Column column) {
    return new EncodedFrame(frame.withColumn(column), oneHot);
  }

  /** Returns the number of rows. */
  public int rows() {
    return frame.rowCount();
  }

  /** Returns the feature names, in order: each one-hot block's names in place of its column. */
  public List<String> featureNames() {
    List<String> names = new ArrayList<>();
    for (String c : frame.columnNames()) {
      Block b = oneHot.get(c);
      if (b == null) {
        names.add(c);
      } else {
        names.addAll(b.names());
      }
    }
    return names;
  }
}
