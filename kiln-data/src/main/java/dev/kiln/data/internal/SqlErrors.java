package dev.kiln.data.internal;

import dev.kiln.core.pipeline.Names;
import dev.kiln.data.DataFormatException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a DuckDB error about a query into a message naming the line and column of the query
 * where it failed (DuckDB shows a caret under a possibly shortened copy of the line) and the
 * closest known table or column name.
 */
public final class SqlErrors {
  private static final Pattern LINE = Pattern.compile("^LINE (\\d+): (.*)$");
  private static final Pattern MISSING = Pattern.compile(
      "(?:column|Table with name|Referenced table) \"?([^\"\\s!]+)\"?");

  private SqlErrors() {}

  /**
   * Returns the user-facing error.
   *
   * @param what what ran the query, e.g. {@code Query} or {@code Dataset 'x'}
   * @param names the tables and columns the query could have meant
   */
  public static DataFormatException translate(String what, String query, Exception e,
      Collection<String> names) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    List<String> lines = message.lines().toList();
    String first = lines.isEmpty() ? message : lines.get(0);
    String where = position(query, lines).map(p -> " at line " + p[0] + ", column " + p[1])
        .orElse("");
    Matcher m = MISSING.matcher(first);
    Optional<String> closest = m.find() ? Names.closest(m.group(1), names) : Optional.empty();
    return new DataFormatException(what + " failed" + where + ": " + first,
        closest.map(c -> "did you mean '" + c + "'? ").orElse("") + "the query can use "
            + Names.quoted(names), e);
  }

  /** Returns {line, column} (1-based) of DuckDB's caret in the query, if the message has one. */
  static Optional<int[]> position(String query, List<String> lines) {
    for (int i = 0; i + 1 < lines.size(); i++) {
      Matcher m = LINE.matcher(lines.get(i));
      if (!m.matches()) {
        continue;
      }
      int line = Integer.parseInt(m.group(1));
      int prefix = lines.get(i).length() - m.group(2).length();
      int caret = lines.get(i + 1).indexOf('^') - prefix;
      if (caret < 0) {
        return Optional.empty();
      }
      String snippet = m.group(2);
      if (!snippet.startsWith("...")) {
        return Optional.of(new int[] {line, caret + 1});
      }
      String shown = snippet.substring(3);
      shown = shown.endsWith("...") ? shown.substring(0, shown.length() - 3) : shown;
      List<String> queryLines = query.lines().toList();
      int at = line <= queryLines.size() ? queryLines.get(line - 1).indexOf(shown) : -1;
      return at < 0 ? Optional.empty() : Optional.of(new int[] {line, at + caret - 3 + 1});
    }
    return Optional.empty();
  }
}
