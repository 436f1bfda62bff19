package dev.kiln.lifecycle.monitor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.core.KilnException;
import dev.kiln.data.Column;
import dev.kiln.data.ColumnType;
import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.LongColumn;
import dev.kiln.data.StringColumn;
import dev.kiln.data.TimestampColumn;
import dev.kiln.ml.bundle.BundleManifest;
import dev.kiln.ml.bundle.FieldSpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads a model's entries from a prediction log folder ({@code kiln serve} writes it) into a frame: the input fields
 * (typed by the bundle's input schema: numbers as doubles, text as strings), the logged outputs
 * ({@code prediction}, {@code probability}, ...) as doubles, and {@code request_id}, {@code row},
 * {@code timestamp} and {@code version}, in time order. The last line of a {@code .jsonl.open} file may be cut
 * short by the writer and is skipped; any other bad line is an error naming file and line.
 *
 * @param dir the prediction log folder
 * @param roles the roles to read, e.g. {@link #DEFAULT_ROLES}
 */
public record PredictionLogReader(Path dir, Set<String> roles) {
  /** The roles whose answers were returned to clients: {@code primary} and {@code canary}. */
  public static final Set<String> DEFAULT_ROLES = Set.of("primary", "canary");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Copies the roles. */
  public PredictionLogReader {
    roles = Set.copyOf(roles);
  }

  /**
   * Reads the entries of the bundle's model logged at or after {@code since}.
   *
   * @param since the earliest timestamp to read, or null for all
   * @throws KilnException if the folder is missing, a complete line is not a log entry, or no
   *     entry matches (naming the folder and the time window)
   */
  public Frame read(BundleManifest manifest, Instant since) {
    List<JsonNode> entries = new ArrayList<>();
    for (Path file : files()) {
      readFile(file, manifest.name(), since, entries);
    }
    if (entries.isEmpty()) {
      throw new KilnException("The prediction log '" + dir + "' has no entries for model '"
          + manifest.name() + "' with role " + roles.stream().sorted().toList()
          + (since == null ? "" : " since " + since) + ".", "serve the model with this log"
          + " folder (kiln serve --log-dir), widen --since, or pass --log-dir");
    }
    entries.sort(Comparator.comparing(PredictionLogReader::timestamp));
    List<Column> columns = new ArrayList<>();
    for (FieldSpec field : manifest.inputs()) {
      columns.add(field.type() == ColumnType.STRING ? text(field.name(), entries, "inputs")
          : number(field.name(), entries, "inputs"));
    }
    Set<String> outputs = new LinkedHashSet<>();
    entries.forEach(e -> e.path("outputs").fieldNames().forEachRemaining(outputs::add));
    outputs.forEach(name -> columns.add(number(name, entries, "outputs")));
    columns.add(text("request_id", entries, null));
    columns.add(LongColumn.of("row", entries.stream().mapToLong(e -> e.path("row").asLong())
        .toArray()));
    columns.add(TimestampColumn.of("timestamp", entries.stream()
        .mapToLong(e -> micros(timestamp(e))).toArray()));
    columns.add(text("version", entries, null));
    return Frame.of(columns);
  }

  private List<Path> files() {
    if (!Files.isDirectory(dir)) {
      throw new KilnException("The prediction log folder '" + dir + "' does not exist.",
          "pass the folder kiln serve logs to with --log-dir");
    }
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(p -> {
        String name = p.getFileName().toString();
        return name.endsWith(".jsonl") || name.endsWith(".jsonl.open");
      }).sorted().toList();
    } catch (IOException e) {
      throw new KilnException("Cannot list '" + dir + "': " + e.getMessage(), null, e);
    }
  }

  private void readFile(Path file, String model, Instant since, List<JsonNode> out) {
    boolean open = file.getFileName().toString().endsWith(".open");
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line = in.readLine();
      for (int number = 1; line != null; number++) {
        String next = in.readLine();
        JsonNode entry = parse(line, file, number, open && next == null);
        if (entry != null && model.equals(entry.path("model").asText())
            && roles.contains(entry.path("role").asText())
            && (since == null || !timestamp(entry).isBefore(since))) {
          out.add(entry);
        }
        line = next;
      }
    } catch (IOException e) {
      throw new KilnException("Cannot read '" + file + "': " + e.getMessage(), null, e);
    }
  }

  /** Parses a line; returns null for a blank line or a partial last line of an open file. */
  private static JsonNode parse(String line, Path file, int number, boolean mayBePartial) {
    if (line.isBlank()) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(line);
      if (node.isObject() && node.has("timestamp") && node.has("inputs")) {
        timestamp(node);
        return node;
      }
    } catch (JsonProcessingException | DateTimeParseException e) {
      // reported below unless the writer is still writing this line
    }
    if (mayBePartial) {
      return null;
    }
    throw new KilnException("Line " + number + " of '" + file + "' is not a prediction log"
        + " entry.", "the log is written by kiln serve; remove or repair the file");
  }

  private static Instant timestamp(JsonNode entry) {
    return Instant.parse(entry.path("timestamp").asText());
  }

  private static long micros(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
  }

  private static DoubleColumn number(String name, List<JsonNode> entries, String group) {
    double[] values = new double[entries.size()];
    BitSet nulls = new BitSet();
    for (int i = 0; i < values.length; i++) {
      JsonNode v = entries.get(i).path(group).path(name);
      if (v.isNumber()) {
        values[i] = v.asDouble();
      } else {
        values[i] = Double.NaN;
        nulls.set(i);
      }
    }
    return new DoubleColumn(name, values, nulls);
  }

  private static StringColumn text(String name, List<JsonNode> entries, String group) {
    String[] values = new String[entries.size()];
    for (int i = 0; i < values.length; i++) {
      JsonNode e = entries.get(i);
      JsonNode v = group == null ? e.path(name) : e.path(group).path(name);
      values[i] = v.isNull() || v.isMissingNode() ? null : v.asText();
    }
    return new StringColumn(name, values);
  }
}
