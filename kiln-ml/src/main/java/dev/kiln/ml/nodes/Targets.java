package dev.kiln.ml.nodes;

import dev.kiln.core.BadInputException;
import dev.kiln.core.pipeline.Names;
import dev.kiln.data.Column;
import dev.kiln.data.ColumnType;
import dev.kiln.data.Frame;
import dev.kiln.ml.Task;
import java.util.Locale;
import java.util.TreeSet;

/** Checks a target column and decides the task: each problem an error naming the column. */
final class Targets {
  /** Integer targets with at most this many values are taken as classes under task auto. */
  static final int MAX_AUTO_CLASSES = 10;

  private Targets() {}

  /**
   * Returns the column name after checking the frame has it.
   *
   * @throws BadInputException naming the column and the closest existing one
   */
  static String requireColumn(Frame frame, String target) {
    if (!frame.hasColumn(target)) {
      throw new BadInputException("target column '" + target + "' is not in the data.",
          Names.closest(target, frame.columnNames()).map(c -> "did you mean '" + c + "'? ")
              .orElse("") + "columns are " + frame.columnNames());
    }
    return target;
  }

  /**
   * Returns the task for a target: the requested one (binary, multiclass, classification,
   * regression) or, for {@code auto}, classification for text, booleans and integers with few
   * values, regression otherwise.
   *
   * @throws BadInputException if the target is missing, has missing values, is constant, has one
   *     class, holds text for a regression, or classes other than 0..k-1
   */
  static Task task(Frame frame, String target, String requested) {
    Column y = frame.column(requireColumn(frame, target));
    if (y.nullCount() > 0) {
      throw new BadInputException("target column '" + target + "' has " + y.nullCount()
          + " missing values.", "drop those rows before training (e.g. a sql node with 'where "
          + target + " is not null')");
    }
    TreeSet<String> distinct = new TreeSet<>();
    boolean integers = true;
    for (int i = 0; i < y.size() && distinct.size() <= 1000; i++) {
      distinct.add(String.valueOf(y.get(i)));
      integers &= y.type() != ColumnType.DOUBLE || y.getDouble(i) == Math.rint(y.getDouble(i));
    }
    String kind = requested == null ? "auto" : requested.toLowerCase(Locale.ROOT);
    if (kind.equals("regression")) {
      if (!y.type().isNumeric()) {
        throw new BadInputException("regression target '" + target + "' holds text (e.g. '"
            + distinct.first() + "'), not numbers.", "use task: classification, or a numeric"
            + " target column");
      }
      if (distinct.size() == 1) {
        throw constant(target, distinct.first());
      }
      return Task.REGRESSION;
    }
    boolean classes = !kind.equals("auto") || !y.type().isNumeric()
        || (integers && distinct.size() <= MAX_AUTO_CLASSES);
    if (!classes) {
      return Task.REGRESSION;
    }
    if (distinct.size() == 1) {
      throw new BadInputException("classification target '" + target + "' has one class ('"
          + distinct.first() + "') in every row; a classifier needs at least two.",
          "check the data (a filter may have removed the other classes)");
    }
    checkClassIndexes(y, target, distinct);
    return distinct.size() == 2 && !kind.equals("multiclass")
        ? Task.BINARY_CLASSIFICATION : Task.MULTICLASS_CLASSIFICATION;
  }

  private static BadInputException constant(String target, String value) {
    return new BadInputException("target column '" + target + "' has the same value ('" + value
        + "') in every row; there is nothing to learn.", "check the data and the target name");
  }

  private static void checkClassIndexes(Column y, String target, TreeSet<String> distinct) {
    boolean ok = y.type().isNumeric();
    if (ok) {
      for (int i = 0; i < y.size() && ok; i++) {
        double v = y.getDouble(i);
        ok = v == Math.rint(v) && v >= 0 && v < distinct.size();
      }
    }
    if (!ok) {
      throw new BadInputException("classification target '" + target + "' has classes "
          + (distinct.size() > 10 ? distinct.size() + " values" : distinct) + "; Kiln's"
          + " classifiers take the classes as numbers 0.." + (distinct.size() - 1) + ".",
          "map them to numbers before training (e.g. '" + distinct.last() + "' to 1, the"
          + " others to 0) and train on that column");
    }
  }
}
