package dev.kiln.data.ops;

import dev.kiln.data.Column;
import dev.kiln.data.DataFormatException;
import dev.kiln.data.Frame;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Rows grouped by the values of key columns, ready to aggregate. Groups come in the order their
 * keys first appear; missing key values form a group of their own (pandas' {@code dropna=False},
 * SQL's {@code GROUP BY}). Sort the result if you need another order.
 */
public final class GroupBy {
  private final Frame frame;
  private final List<String> keys;
  private final GroupIndex index;

  /**
   * Groups a frame's rows.
   *
   * @throws DataFormatException naming a missing key column, or if there are no keys
   */
  public GroupBy(Frame frame, List<String> keys) {
    if (keys.isEmpty()) {
      throw new DataFormatException("groupBy needs at least one key column.",
          "write e.g. frame.groupBy(\"make\")");
    }
    this.frame = frame;
    this.keys = List.copyOf(keys);
    this.index = GroupIndex.of(Rows.keys(frame, keys));
  }

  /** Returns the number of groups. */
  public int groupCount() {
    return index.groups;
  }

  /**
   * Returns one row per group: the key columns, then one column per aggregate.
   *
   * @throws DataFormatException naming a missing column, an aggregate that does not apply to a
   *     column's type, or two outputs with the same name
   */
  public Frame agg(List<Aggregation> aggregations) {
    List<Column> out = new ArrayList<>();
    Set<String> names = new HashSet<>(keys);
    for (String k : keys) {
      out.add(frame.column(k).take(index.firstRow));
    }
    Aggregator aggregator = new Aggregator(index);
    for (Aggregation a : aggregations) {
      if (!names.add(a.outputName())) {
        throw new DataFormatException("Two group-by outputs are named '" + a.outputName() + "'.",
            "rename one with .as(\"other_name\")");
      }
      out.add(aggregator.apply(a, a.column() == null ? null : frame.column(a.column())));
    }
    return Frame.of(out);
  }

  /** Returns one row per group: the key columns, then one column per aggregate. */
  public Frame agg(Aggregation... aggregations) {
    return agg(List.of(aggregations));
  }

  /**
   * Returns each distinct combination of the key columns with its number of rows in a column
   * {@code count}, most frequent first (ties in order of first appearance), as pandas'
   * {@code value_counts}.
   */
  public Frame valueCounts() {
    Frame counts = agg(Aggregation.count());
    return Sorting.sort(counts, List.of(SortKey.desc("count")));
  }
}
