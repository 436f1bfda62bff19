package dev.kiln.ml.bundle;

import dev.kiln.core.pipeline.Names;
import dev.kiln.data.Column;
import dev.kiln.data.DataFormatException;
import dev.kiln.data.Frame;
import dev.kiln.data.io.CsvOptions;
import dev.kiln.data.io.FileFormat;
import dev.kiln.data.io.FrameSink;
import dev.kiln.data.io.ReadAhead;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.function.UnaryOperator;

/**
 * Scores a file with a bundle chunk by chunk, so memory stays constant however many rows: each
 * chunk is read, predicted and appended to the output, which is written atomically at the end.
 * The three overlap: the next chunk is read on a background thread while the current one is
 * predicted ({@link ReadAhead}), and the output is written on another while later chunks are
 * scored ({@link FrameSink}); at most two input chunks are in flight. The output holds the input
 * columns (all, or those the job keeps) followed by the prediction columns.
 */
public final class BatchScoring implements AutoCloseable {
  private final Job job;
  private final FileFormat outputFormat;
  private final ReadAhead chunks;

  private BatchScoring(Job job, FileFormat outputFormat, ReadAhead chunks) {
    this.job = job;
    this.outputFormat = outputFormat;
    this.chunks = chunks;
  }

  /**
   * Scores {@code input} into {@code output}, copying every input column; formats come from the
   * file extensions.
   *
   * @param progress told the number of rows scored so far after each chunk
   * @return the number of rows scored
   * @throws dev.kiln.data.DataFormatException naming the file, or the column that does not fit
   */
  public static long score(LoadedBundle bundle, Path input, Path output, int chunkRows,
      LongConsumer progress) {
    return score(bundle::predict, new Job(input, output, chunkRows, null), progress);
  }

  /**
   * Runs a scoring job with any predictor of a chunk's rows (a bundle, or a model server): each
   * chunk's kept input columns followed by the columns the predictor returns.
   *
   * @param predictor returns one row of new columns per input row
   * @param progress told the number of rows scored so far after each chunk
   * @return the number of rows scored
   * @throws dev.kiln.data.DataFormatException naming the file, or the column that does not fit
   */
  public static long score(UnaryOperator<Frame> predictor, Job job, LongConsumer progress) {
    try (BatchScoring scoring = start(job)) {
      return scoring.score(predictor, progress);
    }
  }

  /**
   * Starts reading a job's input on a background thread, so a caller can load its model
   * meanwhile; then call {@link #score(UnaryOperator, LongConsumer)} once, and close it. Errors
   * in the input (a missing or malformed file) are thrown by {@code score}.
   *
   * @throws BundleException if a file's format cannot be told from its name
   */
  public static BatchScoring start(Job job) {
    FileFormat in = format(job.input());
    FileFormat out = format(job.output());
    return new BatchScoring(job, out, ReadAhead.start(job.input(), in, CsvOptions.defaults(),
        job.chunkRows()));
  }

  /**
   * Scores every chunk of the input with a predictor and writes the output.
   *
   * @param predictor returns one row of new columns per input row
   * @param progress told the number of rows scored so far after each chunk
   * @return the number of rows scored
   * @throws dev.kiln.data.DataFormatException naming the file, or the column that does not fit
   */
  public long score(UnaryOperator<Frame> predictor, LongConsumer progress) {
    long rows = 0;
    chunks.hasNext();  // a missing or malformed input fails here, before the output's folder exists
    try (FrameSink sink = new FrameSink(job.output(), outputFormat)) {
      while (chunks.hasNext()) {
        Frame chunk = chunks.next();
        List<Column> columns = new ArrayList<>(kept(chunk, job));
        columns.addAll(predictor.apply(chunk).columns());
        sink.append(Frame.of(columns));
        rows += chunk.rowCount();
        progress.accept(rows);
      }
      sink.finish();
    }
    return rows;
  }

  /** Stops reading the input (if scoring did not read all of it). */
  @Override
  public void close() {
    chunks.close();
  }

  /**
   * What a scoring job reads and writes.
   *
   * @param input the file to score (.csv, .parquet, .json, .jsonl)
   * @param output the file to write, replaced atomically at the end
   * @param chunkRows rows read, scored and written at a time
   * @param keep the input columns copied to the output before the predictions, in this order;
   *     null for all of them, empty for none
   */
  public record Job(Path input, Path output, int chunkRows, List<String> keep) {
    /** Copies the list. */
    public Job {
      keep = keep == null ? null : List.copyOf(keep);
    }
  }

  private static List<Column> kept(Frame chunk, Job job) {
    if (job.keep() == null) {
      return chunk.columns();
    }
    List<Column> out = new ArrayList<>();
    for (String name : job.keep()) {
      if (!chunk.hasColumn(name)) {
        throw new DataFormatException("Input '" + job.input() + "' has no column '" + name
            + "' to keep.", Names.closest(name, chunk.columnNames())
            .map(s -> "did you mean '" + s + "'? ").orElse("") + "its columns are "
            + chunk.columnNames());
      }
      out.add(chunk.column(name));
    }
    return out;
  }

  private static FileFormat format(Path file) {
    return FileFormat.ofFile(file).orElseThrow(() -> new BundleException("Cannot tell the format"
        + " of '" + file + "' from its name.", "use a .csv, .parquet or .jsonl file"));
  }
}
