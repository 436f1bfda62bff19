package dev.kiln.serving;

/**
 * The file format of the prediction log ({@code kiln serve --log-format}). Both are read by
 * {@code kiln monitor}; the format is documented in docs/serving.md.
 */
public enum LogFormat {
  /**
   * Records of whole requests in a compact columnar form ({@code .kpl}): raw doubles and longs,
   * strings from a per-file dictionary, a length and a CRC-32C per record. The default: it costs
   * the writer a fraction of the CPU time of JSON lines.
   */
  BINARY("kpl"),
  /** One JSON object per predicted row ({@code .jsonl}), for tools such as {@code jq}. */
  JSON("jsonl");

  private final String extension;

  LogFormat(String extension) {
    this.extension = extension;
  }

  /** Returns the extension of a closed file of this format, without the dot. */
  public String extension() {
    return extension;
  }

  LogEncoder encoder() {
    return this == BINARY ? new BinaryLogEncoder() : new JsonLogEncoder();
  }
}
