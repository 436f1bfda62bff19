package dev.kiln.lifecycle.monitor;

import dev.kiln.core.KilnException;
import dev.kiln.data.Frame;
import dev.kiln.ml.bundle.BundleManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads a model's entries from a prediction log folder ({@code kiln serve} writes it) into a
 * frame: the input fields (typed by the bundle's input schema: text as strings, the rest as
 * doubles), the logged outputs ({@code prediction}, {@code probability}, ...) as doubles, and
 * {@code request_id}, {@code row}, {@code timestamp} and {@code version}, in time order. It reads
 * both formats, binary ({@code .kpl}) and JSON lines ({@code .jsonl}), and their {@code .open}
 * files still being written, in one folder. A tail cut short by the writer (a record of a server
 * that stopped mid-write, or is still writing) is skipped and reported; a damaged complete line
 * of a closed JSON-lines file is an error naming file and line.
 *
 * @param dir the prediction log folder
 * @param roles the roles to read, e.g. {@link #DEFAULT_ROLES}
 */
public record PredictionLogReader(Path dir, Set<String> roles) {
  /** The roles whose answers were returned to clients: {@code primary} and {@code canary}. */
  public static final Set<String> DEFAULT_ROLES = Set.of("primary", "canary");

  /**
   * The end of a file that was skipped because it was cut short or failed its checksum.
   *
   * @param offset the byte where the skipped tail starts
   * @param bytes how many bytes were skipped
   */
  public record SkippedTail(Path file, long offset, long bytes) {
    /** Describes the skipped tail for a warning. */
    public String describe() {
      return "skipped the last " + bytes + " bytes of '" + file + "' from byte " + offset
          + ": a record cut short (the server stopped mid-write, or is still writing it)";
    }
  }

  /**
   * What was read.
   *
   * @param rows the entries, as {@link #read} returns them
   * @param skipped the tails skipped, in file order
   */
  public record Result(Frame rows, List<SkippedTail> skipped) {
    /** Copies the list. */
    public Result {
      skipped = List.copyOf(skipped);
    }
  }

  /** Copies the roles. */
  public PredictionLogReader {
    roles = Set.copyOf(roles);
  }

  /**
   * Reads the entries of the bundle's model logged at or after {@code since}.
   *
   * @param since the earliest timestamp to read, or null for all
   * @throws KilnException if the folder is missing, a file is not a prediction log, or no entry
   *     matches (naming the folder and the time window)
   */
  public Frame read(BundleManifest manifest, Instant since) {
    return readAll(manifest, since).rows();
  }

  /**
   * Reads as {@link #read} does, and also says which cut-short tails were skipped.
   *
   * @param since the earliest timestamp to read, or null for all
   * @throws KilnException as {@link #read}
   */
  public Result readAll(BundleManifest manifest, Instant since) {
    LogTable table = new LogTable(manifest.inputs(), manifest.name(), roles,
        since == null ? Long.MIN_VALUE : JsonLinesLogFile.micros(since));
    List<SkippedTail> skipped = new ArrayList<>();
    for (Path file : files()) {
      String name = file.getFileName().toString();
      SkippedTail tail = name.endsWith(".kpl") || name.endsWith(".kpl.open")
          ? BinaryLogFile.read(file, table) : JsonLinesLogFile.read(file, table);
      if (tail != null) {
        skipped.add(tail);
      }
    }
    if (table.size() == 0) {
      throw new KilnException("The prediction log '" + dir + "' has no entries for model '"
          + manifest.name() + "' with role " + roles.stream().sorted().toList()
          + (since == null ? "" : " since " + since) + ".", "serve the model with this log"
          + " folder (kiln serve --log-dir), widen --since, or pass --log-dir");
    }
    return new Result(table.frame(), skipped);
  }

  private List<Path> files() {
    if (!Files.isDirectory(dir)) {
      throw new KilnException("The prediction log folder '" + dir + "' does not exist.",
          "pass the folder kiln serve logs to with --log-dir");
    }
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(p -> {
        String name = p.getFileName().toString().replaceFirst("\\.open$", "");
        return name.endsWith(".jsonl") || name.endsWith(".kpl");
      }).sorted().toList();
    } catch (IOException e) {
      throw new KilnException("Cannot list '" + dir + "': " + e.getMessage(), null, e);
    }
  }
}
