package dev.kiln.data;

import dev.kiln.data.internal.StrayText;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A column of strings, dictionary-encoded: one {@code int} code per row indexing a dictionary of
 * distinct values ({@link #NULL_CODE} for a missing value), so a column of a few hundred
 * categories over millions of rows holds one int per row, not one {@code String}.
 *
 * <p>Fast paths (group-by, dedupe, joins, one-hot) work on codes: two rows of one column hold
 * equal strings exactly when their codes are equal. The dictionary may hold values no row uses
 * (after {@link #take}); its order is unspecified. Codes of different columns are unrelated.
 */
public final class StringColumn implements Column {
  /** The code of a missing value. */
  public static final int NULL_CODE = -1;

  private final String name;
  private final int[] codes;
  private final String[] dictionary;

  private StringColumn(String name, int[] codes, String[] dictionary) {
    this.name = name;
    this.codes = codes;
    this.dictionary = dictionary;
  }

  /** Creates a column from values (null = missing), encoding them; the array is not kept. */
  public StringColumn(String name, String[] values) {
    this.name = name;
    this.codes = new int[values.length];
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < values.length; i++) {
      String v = values[i];
      codes[i] = v == null ? NULL_CODE : seen.computeIfAbsent(v, k -> seen.size());
    }
    this.dictionary = new String[seen.size()];
    seen.forEach((v, code) -> dictionary[code] = v);
  }

  /** Creates a column from values (null = missing). */
  public static StringColumn of(String name, String... values) {
    return new StringColumn(name, values);
  }

  /**
   * Creates a column from codes and a dictionary of distinct values without re-encoding; both
   * arrays are owned by the column from now on.
   *
   * @param codes per row, an index into {@code dictionary} or {@link #NULL_CODE}
   * @throws DataFormatException if the dictionary repeats a value or holds null, or a code is out
   *     of range
   */
  public static StringColumn ofCodes(String name, int[] codes, String[] dictionary) {
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < dictionary.length; i++) {
      if (dictionary[i] == null || seen.put(dictionary[i], i) != null) {
        throw new DataFormatException("Dictionary of column '" + name + "' has "
            + (dictionary[i] == null ? "a null" : "a repeated value '" + dictionary[i] + "'")
            + " at " + i + ".", "pass distinct, non-null values (null rows use NULL_CODE)");
      }
    }
    for (int i = 0; i < codes.length; i++) {
      if (codes[i] < NULL_CODE || codes[i] >= dictionary.length) {
        throw new DataFormatException("Code " + codes[i] + " of row " + i + " in column '" + name
            + "' is outside its dictionary of " + dictionary.length + " values.",
            "use -1 (NULL_CODE) for missing values");
      }
    }
    return new StringColumn(name, codes, dictionary);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ColumnType type() {
    return ColumnType.STRING;
  }

  @Override
  public int size() {
    return codes.length;
  }

  @Override
  public boolean isNull(int row) {
    return codes[row] == NULL_CODE;
  }

  @Override
  public int nullCount() {
    int n = 0;
    for (int code : codes) {
      n += code == NULL_CODE ? 1 : 0;
    }
    return n;
  }

  /** Returns the value at a row, or null if missing. */
  @Override
  public String getString(int row) {
    int code = codes[row];
    return code == NULL_CODE ? null : dictionary[code];
  }

  /** Returns the dictionary code of a row, or {@link #NULL_CODE} if missing. */
  public int code(int row) {
    return codes[row];
  }

  /** Returns a copy of every row's code ({@link #NULL_CODE} for missing values). */
  public int[] codes() {
    return codes.clone();
  }

  /** Returns the number of dictionary entries (codes run from 0 to this minus one). */
  public int dictionarySize() {
    return dictionary.length;
  }

  /** Returns the value a code stands for. */
  public String dictionaryValue(int code) {
    return dictionary[code];
  }

  /** Returns the dictionary, read-only, indexed by code. */
  public List<String> dictionary() {
    return Collections.unmodifiableList(Arrays.asList(dictionary));
  }

  /** Returns the code of a value, or {@link #NULL_CODE} if no entry holds it (linear scan). */
  public int codeOf(String value) {
    for (int i = 0; i < dictionary.length; i++) {
      if (dictionary[i].equals(value)) {
        return i;
      }
    }
    return NULL_CODE;
  }

  /**
   * Always fails: a string column holds no numbers. When all but a few of its values are numbers,
   * the message names the first that is not (not its row: this frame's rows may not be the
   * file's; the reader's warning names the file's row).
   *
   * @throws DataFormatException always
   */
  @Override
  public double getDouble(int row) {
    throw StrayText.describeValue(this)
        .map(stray -> new DataFormatException("Column '" + name + "' holds text, not numbers: "
            + stray + ".", "fix that value (or leave it empty for a missing one), declare the"
            + " column's type with the catalog entry's 'schema:' option so a bad value fails"
            + " where the file is read, or run 'kiln validate' to quarantine bad rows"))
        .orElseGet(() -> new DataFormatException("Column '" + name + "' holds strings, not"
            + " numbers.", "encode it first (e.g. with a one-hot encoder) or select numeric"
            + " columns only"));
  }

  /**
   * Always fails: a string column holds no numbers.
   *
   * @throws DataFormatException always
   */
  @Override
  public long getLong(int row) {
    getDouble(row);
    return 0;
  }

  @Override
  public Object get(int row) {
    return getString(row);
  }

  @Override
  public StringColumn take(int[] rows) {
    int[] out = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = codes[rows[i]];
    }
    return new StringColumn(name, out, dictionary);
  }

  @Override
  public StringColumn renamed(String newName) {
    return new StringColumn(newName, codes, dictionary);
  }

  @Override
  public StringColumn append(Column other) {
    Column.requireSameType(this, other);
    StringColumn o = (StringColumn) other;
    if (o.dictionary == dictionary) {
      int[] out = Arrays.copyOf(codes, codes.length + o.codes.length);
      System.arraycopy(o.codes, 0, out, codes.length, o.codes.length);
      return new StringColumn(name, out, dictionary);
    }
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < dictionary.length; i++) {
      index.put(dictionary[i], i);
    }
    int[] remap = new int[o.dictionary.length];
    for (int i = 0; i < remap.length; i++) {
      remap[i] = index.computeIfAbsent(o.dictionary[i], k -> index.size());
    }
    String[] merged = Arrays.copyOf(dictionary, index.size());
    index.forEach((v, code) -> merged[code] = v);
    int[] out = Arrays.copyOf(codes, codes.length + o.codes.length);
    for (int i = 0; i < o.codes.length; i++) {
      int c = o.codes[i];
      out[codes.length + i] = c == NULL_CODE ? NULL_CODE : remap[c];
    }
    return new StringColumn(name, out, merged);
  }
}
