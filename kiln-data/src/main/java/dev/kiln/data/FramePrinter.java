package dev.kiln.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Formats frames as aligned text tables. */
final class FramePrinter {
  private FramePrinter() {}

  static String print(Frame frame, int maxRows) {
    List<String> names = frame.columnNames();
    int shown = Math.min(maxRows, frame.rowCount());
    List<String[]> cells = new ArrayList<>();
    cells.add(names.toArray(String[]::new));
    for (int i = 0; i < shown; i++) {
      String[] row = new String[names.size()];
      for (int j = 0; j < names.size(); j++) {
        row[j] = format(frame.column(names.get(j)).get(i));
      }
      cells.add(row);
    }
    int[] width = new int[names.size()];
    cells.forEach(r -> {
      for (int j = 0; j < r.length; j++) {
        width[j] = Math.max(width[j], r[j].length());
      }
    });
    StringBuilder out = new StringBuilder();
    for (String[] r : cells) {
      for (int j = 0; j < r.length; j++) {
        out.append(j == 0 ? "" : "  ").append(String.format("%" + width[j] + "s", r[j]));
      }
      out.append('\n');
    }
    return out.append('[').append(frame.rowCount()).append(" rows x ").append(names.size())
        .append(" columns]").toString();
  }

  static String format(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Double d) {
      return Double.isNaN(d) || Double.isInfinite(d) ? d.toString()
          : String.format(Locale.ROOT, "%.6g", d).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2")
              .replaceAll("\\.(e|$)", "$1");
    }
    return value.toString();
  }
}
