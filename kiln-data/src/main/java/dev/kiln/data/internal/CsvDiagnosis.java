package dev.kiln.data.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the first line of a CSV file whose field count differs from the header's, so a reader
 * error can name it even when the parser only says it could not make sense of the file. Quoted
 * fields (with doubled quotes and line breaks inside) are understood.
 */
public final class CsvDiagnosis {
  private CsvDiagnosis() {}

  /**
   * Returns "line N has X fields but the header has Y" or "line N opens a quote that is never
   * closed", if such a line exists.
   */
  public static Optional<String> firstBadLine(Path file, String delimiter) {
    if (delimiter.length() != 1) {
      return Optional.empty();
    }
    char delim = delimiter.charAt(0);
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      int expected = -1;
      int lineNo = 0;
      int fields = 1;
      boolean quoted = false;
      int recordStart = 1;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lineNo++;
        for (int i = 0; i < line.length(); i++) {
          char c = line.charAt(i);
          if (c == '"') {
            quoted = !quoted;
          } else if (c == delim && !quoted) {
            fields++;
          }
        }
        if (quoted || (line.isEmpty() && expected < 0)) {
          continue;
        }
        if (expected < 0) {
          expected = fields;
        } else if (!line.isEmpty() && fields != expected) {
          return Optional.of("line " + recordStart + " has " + fields + " fields but the header"
              + " has " + expected);
        }
        fields = 1;
        recordStart = lineNo + 1;
      }
      return quoted ? Optional.of("line " + recordStart + " opens a quote (\") that is never"
          + " closed") : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
