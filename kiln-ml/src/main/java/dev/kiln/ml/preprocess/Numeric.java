package dev.kiln.ml.preprocess;

import dev.kiln.data.Column;
import dev.kiln.data.DataFormatException;
import dev.kiln.data.Frame;

/** Checks shared by the numeric steps. */
final class Numeric {
  private Numeric() {}

  static Column column(Frame frame, String name) {
    Column c = frame.column(name);
    if (!c.type().isNumeric()) {
      throw new DataFormatException("Column '" + name + "' holds strings; this step needs"
          + " numbers.", "apply it to numeric columns, or one-hot encode '" + name + "' instead");
    }
    return c;
  }
}
