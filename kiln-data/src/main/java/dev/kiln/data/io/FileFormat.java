package dev.kiln.data.io;

/** The file formats Kiln reads and writes frames in (through DuckDB). */
public enum FileFormat {
  /** Comma- (or otherwise) separated values with a header row. */
  CSV,
  /** Apache Parquet, readable by pandas, pyarrow, DuckDB and Spark. */
  PARQUET,
  /** One JSON object per line. */
  JSONL;

  /** Returns the format of a file from its extension, if known. */
  public static java.util.Optional<FileFormat> ofFile(java.nio.file.Path file) {
    String n = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    if (n.endsWith(".csv") || n.endsWith(".csv.gz") || n.endsWith(".tsv")) {
      return java.util.Optional.of(CSV);
    }
    if (n.endsWith(".parquet") || n.endsWith(".pq")) {
      return java.util.Optional.of(PARQUET);
    }
    if (n.endsWith(".jsonl") || n.endsWith(".ndjson") || n.endsWith(".json")) {
      return java.util.Optional.of(JSONL);
    }
    return java.util.Optional.empty();
  }
}
