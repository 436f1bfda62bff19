package dev.kiln.data.io;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The file formats Kiln reads and writes frames in (through DuckDB). */
public enum FileFormat {
  /** Comma- (or otherwise) separated values with a header row. */
  CSV,
  /** Apache Parquet, readable by pandas, pyarrow, DuckDB and Spark. */
  PARQUET,
  /** A JSON array of records ({@code [{"a": 1}, {"a": 2}]}), as most tools export JSON data. */
  JSON,
  /** JSON lines: one JSON object per line ({@code .jsonl}, {@code .ndjson}). */
  JSONL;

  /** Returns the format of a file from its extension, if known. */
  public static Optional<FileFormat> ofFile(Path file) {
    String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (n.endsWith(".gz") || n.endsWith(".zst")) {
      n = n.substring(0, n.lastIndexOf('.'));
    }
    if (n.endsWith(".csv") || n.endsWith(".tsv") || n.endsWith(".txt")) {
      return Optional.of(CSV);
    }
    if (n.endsWith(".parquet") || n.endsWith(".pq")) {
      return Optional.of(PARQUET);
    }
    if (n.endsWith(".jsonl") || n.endsWith(".ndjson")) {
      return Optional.of(JSONL);
    }
    return n.endsWith(".json") ? Optional.of(JSON) : Optional.empty();
  }
}
