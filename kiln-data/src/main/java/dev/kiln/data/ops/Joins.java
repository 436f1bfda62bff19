package dev.kiln.data.ops;

import dev.kiln.data.Column;
import dev.kiln.data.DataFormatException;
import dev.kiln.data.Frame;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Hash joins on equal key columns: the right frame is indexed, the left one probes it. Output rows
 * follow the left frame's order, then the right frame's for several matches.
 */
public final class Joins {
  /** Appended to right-hand column names that clash with left-hand ones, as in Polars. */
  public static final String SUFFIX = "_right";

  private Joins() {}

  /**
   * Joins two frames on columns of the same names. Keys that are missing never match (SQL's and
   * Polars' rule). The result has the left columns, then the right ones except the keys; a right
   * column whose name is taken gets the suffix {@value #SUFFIX}.
   *
   * @throws DataFormatException naming a missing key or keys whose types differ
   */
  public static Frame join(Frame left, Frame right, List<String> on, JoinType how) {
    if (on.isEmpty()) {
      throw new DataFormatException("A join needs at least one key column.",
          "write e.g. left.join(right, List.of(\"id\"), JoinType.INNER)");
    }
    for (String key : on) {
      Column l = side(left, key, "left");
      Column r = side(right, key, "right");
      if (l.type() != r.type()) {
        throw new DataFormatException("Cannot join on '" + key + "': it is " + name(l) + " on the "
            + "left but " + name(r) + " on the right.", "convert one side first, e.g. "
            + "right.withColumn(\"" + key + "\", \"cast(" + key + " as " + name(l) + ")\")");
      }
    }
    int n = left.rowCount();
    KeyColumns rightKeys = Rows.keys(right, on);
    GroupIndex index = GroupIndex.of(rightKeys);
    KeyColumns leftKeys = new KeyColumns(Rows.columns(left, on), n, rightKeys);
    int[] offsets = index.offsets();
    int[] rightRows = index.rowsByGroup(offsets);
    int[] match = new int[n];
    int total = 0;
    for (int i = 0; i < n; i++) {
      match[i] = leftKeys.hasNull(i) ? -1 : index.find(leftKeys, i);
      int found = match[i] < 0 ? 0 : offsets[match[i] + 1] - offsets[match[i]];
      total += found == 0 && how == JoinType.LEFT ? 1 : found;
    }
    int[] li = new int[total];
    int[] ri = new int[total];
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (match[i] < 0) {
        if (how == JoinType.LEFT) {
          li[k] = i;
          ri[k++] = -1;
        }
        continue;
      }
      for (int p = offsets[match[i]]; p < offsets[match[i] + 1]; p++) {
        li[k] = i;
        ri[k++] = rightRows[p];
      }
    }
    return assemble(left.take(li), right, on, ri);
  }

  private static Frame assemble(Frame leftRows, Frame right, List<String> on, int[] ri) {
    List<Column> out = new ArrayList<>(leftRows.columns());
    Set<String> taken = new HashSet<>(leftRows.columnNames());
    for (Column c : right.columns()) {
      if (on.contains(c.name())) {
        continue;
      }
      Column values = NullableTake.take(c, ri);
      String name = c.name();
      while (!taken.add(name)) {
        name = name + SUFFIX;
      }
      out.add(name.equals(c.name()) ? values : values.renamed(name));
    }
    return Frame.of(out);
  }

  private static Column side(Frame f, String key, String side) {
    if (!f.hasColumn(key)) {
      throw new DataFormatException("Cannot join on '" + key + "': the " + side
          + " frame has no such column.", "columns are " + f.columnNames());
    }
    return f.column(key);
  }

  private static String name(Column c) {
    return c.type().name().toLowerCase(Locale.ROOT);
  }
}
