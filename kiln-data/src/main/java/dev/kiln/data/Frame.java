package dev.kiln.data;

import dev.kiln.core.catalog.Tabular;
import dev.kiln.core.pipeline.Names;
import dev.kiln.data.expr.Expression;
import dev.kiln.data.ops.GroupBy;
import dev.kiln.data.ops.JoinType;
import dev.kiln.data.ops.Joins;
import dev.kiln.data.ops.Rows;
import dev.kiln.data.ops.SortKey;
import dev.kiln.data.ops.Sorting;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * An immutable columnar table: named, typed {@link Column}s of equal length. Every operation
 * returns a new frame; columns are shared, never copied, when they do not change.
 */
public final class Frame implements Tabular {
  /** Rows per block when filling a row-major matrix: a block of all columns stays in cache. */
  private static final int MATRIX_BLOCK = 2048;
  private final Map<String, Column> columns;
  private final int rows;

  private Frame(Map<String, Column> columns, int rows) {
    this.columns = columns;
    this.rows = rows;
  }

  /**
   * Creates a frame from columns.
   *
   * @throws DataFormatException if two columns share a name or their lengths differ
   */
  public static Frame of(Column... columns) {
    return of(List.of(columns));
  }

  /**
   * Creates a frame from columns.
   *
   * @throws DataFormatException if two columns share a name or their lengths differ
   */
  public static Frame of(Collection<? extends Column> columns) {
    Map<String, Column> map = new LinkedHashMap<>();
    int rows = columns.isEmpty() ? 0 : columns.iterator().next().size();
    for (Column c : columns) {
      if (map.put(c.name(), c) != null) {
        throw new DataFormatException("Frame has two columns named '" + c.name() + "'.",
            "rename one of them");
      }
      if (c.size() != rows) {
        throw new DataFormatException("Column '" + c.name() + "' has " + c.size()
            + " rows but the frame has " + rows + ".", "all columns need the same length");
      }
    }
    return new Frame(map, rows);
  }

  /** Returns the number of rows. */
  @Override
  public int rowCount() {
    return rows;
  }

  /** Returns the column names in order. */
  public List<String> columnNames() {
    return List.copyOf(columns.keySet());
  }

  /** Returns the columns in order. */
  public List<Column> columns() {
    return List.copyOf(columns.values());
  }

  @Override
  public String schemaText() {
    StringBuilder out = new StringBuilder();
    columns.values().forEach(c -> out.append(out.isEmpty() ? "" : ", ").append(c.name())
        .append(':').append(c.type().name().toLowerCase(java.util.Locale.ROOT)));
    return out.toString();
  }

  /** Returns the schema: column names and types in order. */
  public FrameSchema schema() {
    Map<String, ColumnType> types = new LinkedHashMap<>();
    columns.forEach((n, c) -> types.put(n, c.type()));
    return new FrameSchema(types);
  }

  /** Returns whether the frame has a column. */
  public boolean hasColumn(String name) {
    return columns.containsKey(name);
  }

  /**
   * Returns a column.
   *
   * @throws DataFormatException naming the column, with the closest existing name
   */
  public Column column(String name) {
    Column c = columns.get(name);
    if (c == null) {
      throw new DataFormatException("Frame has no column '" + name + "'.", Names.closest(name,
          columns.keySet()).map(s -> "did you mean '" + s + "'? ").orElse("") + "columns are "
          + columns.keySet());
    }
    return c;
  }

  /** Returns the columns with these names, in this order. */
  public Frame select(List<String> names) {
    List<Column> selected = new ArrayList<>();
    names.forEach(n -> selected.add(column(n)));
    return of(selected);
  }

  /** Returns the frame without these columns. */
  public Frame drop(List<String> names) {
    names.forEach(this::column);
    return of(columns.values().stream().filter(c -> !names.contains(c.name())).toList());
  }

  /** Returns the frame with one column renamed. */
  public Frame rename(String from, String to) {
    column(from);
    return of(columns.values().stream().map(c -> c.name().equals(from) ? c.renamed(to) : c)
        .toList());
  }

  /**
   * Returns the frame with a column added, or replaced if the name exists.
   *
   * @throws DataFormatException if its length differs from the frame's
   */
  public Frame withColumn(Column column) {
    return withColumns(List.of(column));
  }

  /**
   * Returns a frame with these columns added or replaced (by name), in one copy.
   *
   * @throws DataFormatException if a column's length differs from the frame's
   */
  public Frame withColumns(List<? extends Column> replacements) {
    if (columns.isEmpty()) {
      return of(replacements);
    }
    Map<String, Column> map = new LinkedHashMap<>(columns);
    for (Column c : replacements) {
      if (c.size() != rows) {
        throw new DataFormatException("Column '" + c.name() + "' has " + c.size()
            + " rows but the frame has " + rows + ".", "all columns need the same length");
      }
      map.put(c.name(), c);
    }
    return new Frame(map, rows);
  }

  /** Returns the given rows, in that order (rows may repeat). */
  public Frame take(int[] rowIndexes) {
    return of(columns.values().stream().map(c -> c.take(rowIndexes)).toList());
  }

  /**
   * Returns the rows for which a boolean expression is true (rows where it is false or null are
   * dropped), e.g. {@code filter("Amount > 100 and Class = 1")}.
   *
   * @throws dev.kiln.data.expr.ExpressionException naming the position of an error
   */
  public Frame filter(String expression) {
    return FrameExpressions.filter(this, expression);
  }

  /**
   * Returns the frame with a column computed from an expression, added or replaced by name, e.g.
   * {@code withColumn("log_amount", "log1p(Amount)")}.
   *
   * @throws dev.kiln.data.expr.ExpressionException naming the position of an error
   */
  public Frame withColumn(String name, String expression) {
    return withColumn(Expression.parse(expression).evaluate(this, name));
  }

  /**
   * Returns the frame without rows missing a value (null, or NaN in a double column) in the given
   * columns, or in any column when none are given (pandas' {@code dropna(subset=...)}).
   */
  public Frame dropNulls(String... columns) {
    return Rows.dropNulls(this, List.of(columns));
  }

  /**
   * Returns the frame without rows that repeat an earlier row's values in the given columns, or in
   * all columns when none are given; the first occurrence is kept, order is kept (pandas'
   * {@code drop_duplicates(subset=..., keep='first')}).
   */
  public Frame dropDuplicates(String... columns) {
    return Rows.dropDuplicates(this, List.of(columns));
  }

  /** Returns the distinct rows in order of first appearance (SQL's {@code SELECT DISTINCT}). */
  public Frame distinct() {
    return dropDuplicates();
  }

  /** Returns the rows sorted by the keys, stable, missing values last unless a key says first. */
  public Frame sort(SortKey... keys) {
    return Sorting.sort(this, List.of(keys));
  }

  /**
   * Joins another frame on key columns of the same names and types (see {@link Joins#join}).
   *
   * @throws DataFormatException naming a missing key or keys whose types differ
   */
  public Frame join(Frame right, List<String> on, JoinType how) {
    return Joins.join(this, right, on, how);
  }

  /** Groups the rows by key columns, to aggregate with {@link GroupBy#agg}. */
  public GroupBy groupBy(String... keys) {
    return new GroupBy(this, List.of(keys));
  }

  /** Returns each distinct combination of the columns with its row count, most frequent first. */
  public Frame valueCounts(String... columns) {
    return groupBy(columns).valueCounts();
  }

  /** Returns the rows for which the predicate on the row index holds. */
  public Frame filter(IntPredicate keep) {
    return take(IntStream.range(0, rows).filter(keep).toArray());
  }

  /** Returns the first {@code n} rows (or all if fewer). */
  public Frame head(int n) {
    return take(IntStream.range(0, Math.min(n, rows)).toArray());
  }

  /** Returns {@code n} rows drawn without replacement, reproducibly for a seed. */
  public Frame sample(int n, long seed) {
    int[] idx = IntStream.range(0, rows).toArray();
    SplittableRandom random = new SplittableRandom(seed);
    int k = Math.min(n, rows);
    for (int i = 0; i < k; i++) {
      int j = i + random.nextInt(rows - i);
      int t = idx[i];
      idx[i] = idx[j];
      idx[j] = t;
    }
    return take(java.util.Arrays.copyOf(idx, k));
  }

  /**
   * Returns this frame's rows followed by another's.
   *
   * @throws DataFormatException if the schemas differ
   */
  public Frame concat(Frame other) {
    if (!schema().equals(other.schema())) {
      throw new DataFormatException("Cannot concatenate frames with different schemas: "
          + schema() + " and " + other.schema() + ".", "select and cast columns so they match");
    }
    return of(columns.values().stream().map(c -> c.append(other.column(c.name()))).toList());
  }

  /**
   * Returns the selected columns as a dense row-major float matrix, missing values as NaN, as
   * XGBoost and the predictors take it.
   *
   * @throws DataFormatException if a column is not numeric
   */
  public float[] toFloatMatrix(List<String> names) {
    int stride = names.size();
    MaskedColumn[] cols = new MaskedColumn[stride];
    for (int j = 0; j < stride; j++) {
      Column c = column(names.get(j));
      if (!(c instanceof MaskedColumn m)) {
        c.getDouble(0);
        throw new IllegalStateException("not numeric: " + c.name());
      }
      cols[j] = m;
    }
    float[] out = new float[rows * stride];
    for (int from = 0; from < rows; from += MATRIX_BLOCK) {
      int to = Math.min(rows, from + MATRIX_BLOCK);
      for (int j = 0; j < stride; j++) {
        cols[j].fillFloats(out, from, to, j, stride);
      }
    }
    return out;
  }

  /** Returns per-column statistics (count, nulls, mean, std, min, max, distinct) as a frame. */
  public Frame describe() {
    return FrameStats.describe(this);
  }

  /** Returns the first 10 rows as a text table, with the shape. */
  @Override
  public String toString() {
    return FramePrinter.print(this, 10);
  }
}
