package dev.kiln.data.internal;

import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import dev.kiln.data.StringColumn;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds a text column that holds numbers but for a few stray values (a column of ages with one
 * {@code thirty}), which a reader sniffing types loads as text: the first stray value and its row
 * (numbered from 1, the first data row), so errors can name them instead of advising to encode
 * the column.
 */
public final class StrayText {
  /** At most this many distinct values that are not numbers make a column "numbers with text". */
  private static final int MAX_STRAY_VALUES = 3;

  private static final Logger LOG = LoggerFactory.getLogger(StrayText.class);

  private StrayText() {}

  /**
   * Warns about each text column of a frame just read from a file, other than the declared ones,
   * that holds numbers but for a few stray values: the file, the column, the first stray value and
   * its row, and how to fix it.
   */
  public static void warn(Path file, Frame frame, Set<String> declared) {
    for (Column c : frame.columns()) {
      if (c instanceof StringColumn text && !declared.contains(c.name())) {
        describe(text).ifPresent(stray -> LOG.warn("Column '{}' of '{}' was read as text: {}."
            + " Hint: fix that value (or leave it empty for a missing one), or declare the"
            + " column's type with the catalog entry's 'schema:' option so a bad value fails"
            + " where the file is read; 'kiln validate' can quarantine such rows.", c.name(),
            file, stray));
      }
    }
  }

  /**
   * Describes the column's first stray value, e.g. {@code row 17 holds 'thirty', though 405 of
   * its 406 values are numbers}, if at most a few distinct values (and at most 5% of the rows
   * with a value) are not numbers and at least two distinct values are.
   */
  public static Optional<String> describe(StringColumn column) {
    java.util.List<String> dictionary = column.dictionary();
    boolean[] stray = new boolean[dictionary.size()];
    int strayValues = 0;
    int numberValues = 0;
    for (int i = 0; i < stray.length; i++) {
      if (isNumber(dictionary.get(i))) {
        numberValues++;
      } else if (++strayValues > MAX_STRAY_VALUES) {
        return Optional.empty();
      } else {
        stray[i] = true;
      }
    }
    if (strayValues == 0 || numberValues < 2) {
      return Optional.empty();
    }
    int first = -1;
    long strayRows = 0;
    long valued = 0;
    for (int row = 0; row < column.size(); row++) {
      int code = column.code(row);
      if (code == StringColumn.NULL_CODE) {
        continue;
      }
      valued++;
      if (stray[code]) {
        strayRows++;
        first = first < 0 ? row : first;
      }
    }
    if (first < 0 || strayRows * 20 > valued) {
      return Optional.empty();
    }
    return Optional.of("row " + (first + 1) + " holds '" + column.getString(first) + "', though "
        + (valued - strayRows) + " of its " + valued + " values are numbers");
  }

  /**
   * Describes the first stray value without its row, for a frame whose rows may no longer be the
   * file's (after a split or a filter), e.g. {@code 'thirty', though 79 of its 80 values are
   * numbers}.
   */
  public static Optional<String> describeValue(StringColumn column) {
    return describe(column).map(d -> d.substring(d.indexOf(" holds ") + " holds ".length()));
  }

  /** Whether text is a decimal number: sign, digits, an optional fraction and exponent. */
  static boolean isNumber(String text) {
    String s = text.strip();
    int i = s.startsWith("-") || s.startsWith("+") ? 1 : 0;
    int digits = 0;
    while (i < s.length() && Character.isDigit(s.charAt(i))) {
      i++;
      digits++;
    }
    if (i < s.length() && s.charAt(i) == '.') {
      i++;
      while (i < s.length() && Character.isDigit(s.charAt(i))) {
        i++;
        digits++;
      }
    }
    if (digits == 0) {
      return false;
    }
    if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      i += i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+') ? 1 : 0;
      int exponent = 0;
      while (i < s.length() && Character.isDigit(s.charAt(i))) {
        i++;
        exponent++;
      }
      return exponent > 0 && i == s.length();
    }
    return i == s.length();
  }
}
