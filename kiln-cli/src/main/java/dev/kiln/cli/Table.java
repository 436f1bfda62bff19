package dev.kiln.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A table with a header row, printed with aligned columns: the human form of the listing
 * commands (their {@code --json} form is {@link JsonOutput}).
 */
final class Table {
  private final List<String> headers;
  private final List<List<String>> rows = new ArrayList<>();

  private Table(List<String> headers) {
    this.headers = headers;
  }

  /** Starts a table with these column headers. */
  static Table of(String... headers) {
    return new Table(List.of(headers));
  }

  /** Starts a two-column table of a map's entries, keys sorted. */
  static Table of(String keyHeader, String valueHeader, Map<String, ?> values) {
    Table table = of(keyHeader, valueHeader);
    new java.util.TreeMap<>(values).forEach((k, v) -> table.row(k, v));
    return table;
  }

  /** Adds a row; null cells print as {@code -}. */
  Table row(Object... cells) {
    if (cells.length != headers.size()) {
      throw new IllegalArgumentException(cells.length + " cells for " + headers.size()
          + " columns " + headers);
    }
    rows.add(Arrays.stream(cells).map(c -> c == null ? "-" : String.valueOf(c)).toList());
    return this;
  }

  /** Prints the header and rows, columns separated by two spaces, the last one unpadded. */
  void print(PrintWriter out) {
    int[] widths = new int[headers.size()];
    for (List<String> r : withHeader()) {
      for (int i = 0; i < r.size(); i++) {
        widths[i] = Math.max(widths[i], r.get(i).length());
      }
    }
    for (List<String> r : withHeader()) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < r.size(); i++) {
        line.append(i == r.size() - 1 ? r.get(i) : pad(r.get(i), widths[i]) + "  ");
      }
      out.println(line.toString().stripTrailing());
    }
  }

  private List<List<String>> withHeader() {
    List<List<String>> all = new ArrayList<>();
    all.add(headers.stream().map(h -> h.toUpperCase(java.util.Locale.ROOT)).toList());
    all.addAll(rows);
    return all;
  }

  private static String pad(String cell, int width) {
    return cell + " ".repeat(width - cell.length());
  }
}
