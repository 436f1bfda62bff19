package dev.kiln.ml.bundle;

import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import dev.kiln.data.io.CsvOptions;
import dev.kiln.data.io.FileFormat;
import dev.kiln.data.io.FrameChunks;
import dev.kiln.data.io.FrameReader;
import dev.kiln.data.io.FrameSink;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.function.UnaryOperator;

/**
 * Scores a file with a bundle chunk by chunk, so memory stays constant however many rows: each
 * chunk is read, predicted and appended to the output, which is written atomically at the end.
 * The output holds the input columns followed by the prediction columns.
 */
public final class BatchScoring {
  private BatchScoring() {}

  /**
   * Scores {@code input} into {@code output}; formats come from the file extensions.
   *
   * @param progress told the number of rows scored so far after each chunk
   * @return the number of rows scored
   * @throws dev.kiln.data.DataFormatException naming the file, or the column that does not fit
   */
  public static long score(LoadedBundle bundle, Path input, Path output, int chunkRows,
      LongConsumer progress) {
    return score(bundle::predict, input, output, chunkRows, progress);
  }

  /**
   * Scores {@code input} into {@code output} with any predictor of a chunk's rows (a bundle, or
   * a model server), appending the columns it returns to each chunk's columns.
   *
   * @param predictor returns one row of new columns per input row
   */
  public static long score(UnaryOperator<Frame> predictor, Path input, Path output,
      int chunkRows, LongConsumer progress) {
    FileFormat in = format(input);
    FileFormat out = format(output);
    long rows = 0;
    try (FrameChunks chunks = FrameReader.chunks(input, in, CsvOptions.defaults(), chunkRows);
        FrameSink sink = new FrameSink(output, out)) {
      while (chunks.hasNext()) {
        Frame chunk = chunks.next();
        List<Column> columns = new ArrayList<>(chunk.columns());
        columns.addAll(predictor.apply(chunk).columns());
        sink.append(Frame.of(columns));
        rows += chunk.rowCount();
        progress.accept(rows);
      }
      sink.finish();
    }
    return rows;
  }

  private static FileFormat format(Path file) {
    return FileFormat.ofFile(file).orElseThrow(() -> new BundleException("Cannot tell the format"
        + " of '" + file + "' from its name.", "use a .csv, .parquet or .jsonl file"));
  }
}
