package dev.kiln.bench;

import dev.kiln.data.io.FileFormat;
import dev.kiln.data.io.FrameWriter;
import java.nio.file.Path;

/**
 * Writes the seeded trip table ({@link TripTable}) to a Parquet file, for benchmarks that run
 * whole processes on it. Usage: TripsFile OUTPUT.parquet [ROWS] (default 3,000,000 rows).
 */
public final class TripsFile {
  private TripsFile() {}

  /** Writes the file. */
  public static void main(String[] args) {
    int rows = args.length > 1 ? Integer.parseInt(args[1]) : 3_000_000;
    FrameWriter.write(TripTable.generate(rows, 42), Path.of(args[0]), FileFormat.PARQUET);
  }
}
