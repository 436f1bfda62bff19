package dev.kiln.data.io;

import dev.kiln.data.DataFormatException;
import dev.kiln.data.Frame;
import java.nio.file.Path;

/**
 * Writes frames to CSV, Parquet, JSON or JSON-lines files through DuckDB, which reads the frame
 * as an Arrow stream. The file is written beside the target and moved into place, so readers
 * never see half a file.
 */
public final class FrameWriter {
  private FrameWriter() {}

  /**
   * Writes a frame.
   *
   * @throws DataFormatException naming the file if it cannot be written
   */
  public static void write(Frame frame, Path file, FileFormat format) {
    try (FrameSink sink = new FrameSink(file, format)) {
      sink.append(frame);
      sink.finish();
    }
  }
}
