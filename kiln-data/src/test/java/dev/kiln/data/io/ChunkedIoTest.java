package dev.kiln.data.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.data.BooleanColumn;
import dev.kiln.data.Column;
import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.LongColumn;
import dev.kiln.data.StringColumn;
import dev.kiln.data.TimestampColumn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chunked writes and reads across the boundaries of Arrow record batches (65,536 rows when
 * written) and of chunks, with missing values of every type on and around those boundaries.
 */
class ChunkedIoTest {
  private static final int ROWS = 150_000;
  private static final int[] EDGES = {0, 1, 65_535, 65_536, 65_537, 69_999, 70_000, 131_071,
      131_072, ROWS - 1};

  @TempDir Path dir;

  /** Every type, a value that depends on the row, and missing values at the edges. */
  private static Frame table(int from, int n) {
    double[] d = new double[n];
    long[] l = new long[n];
    long[] t = new long[n];
    long[] days = new long[n];
    boolean[] b = new boolean[n];
    String[] s = new String[n];
    BitSet nulls = new BitSet();
    for (int i = 0; i < n; i++) {
      int row = from + i;
      d[i] = row * 0.5 - 7;
      l[i] = row * 3L - 1_000_000L;
      t[i] = 1_700_000_000_000_000L + row * 1_000_003L;
      days[i] = (row % 20_000) * 86_400_000_000L;
      b[i] = row % 3 == 0;
      s[i] = "zone-" + (row % 231);
      if (isEdge(row)) {
        nulls.set(i);
        s[i] = null;
      }
    }
    return Frame.of(new DoubleColumn("d", d, nulls), new LongColumn("l", l, nulls),
        new TimestampColumn("t", t, nulls, TimestampColumn.Kind.LOCAL),
        new TimestampColumn("day", days, nulls, TimestampColumn.Kind.DATE),
        new BooleanColumn("b", b, nulls), StringColumn.of("s", s));
  }

  private static boolean isEdge(int row) {
    for (int e : EDGES) {
      if (e == row) {
        return true;
      }
    }
    return false;
  }

  @Test
  void sinkOfUnevenChunks_parquet_readsBackEveryValueAndNull() {
    Path file = dir.resolve("t.parquet");
    int[] cuts = {0, 70_000, 70_001, ROWS};
    try (FrameSink sink = new FrameSink(file, FileFormat.PARQUET)) {
      for (int c = 0; c + 1 < cuts.length; c++) {
        sink.append(table(cuts[c], cuts[c + 1] - cuts[c]));
      }
      sink.finish();
    }
    assertSame(table(0, ROWS), FrameReader.parquet(file));
  }

  @Test
  void chunkedRead_coversEveryRowOnceInOrder() {
    Path file = dir.resolve("t.parquet");
    Frame expected = table(0, ROWS);
    FrameWriter.write(expected, file, FileFormat.PARQUET);
    List<Frame> chunks = new ArrayList<>();
    try (FrameChunks it = FrameReader.chunks(file, FileFormat.PARQUET, CsvOptions.defaults(),
        40_000)) {
      while (it.hasNext()) {
        chunks.add(it.next());
      }
    }
    assertThat(chunks).allSatisfy(c -> assertThat(c.rowCount()).isLessThanOrEqualTo(40_000));
    Frame all = chunks.get(0);
    for (Frame c : chunks.subList(1, chunks.size())) {
      all = all.concat(c);
    }
    assertSame(expected, all);
  }

  @Test
  void emptyFrame_parquetAndCsv_keepsItsColumns() {
    for (FileFormat format : List.of(FileFormat.PARQUET, FileFormat.CSV)) {
      Path file = dir.resolve("empty." + format.name().toLowerCase());
      FrameWriter.write(table(0, 0), file, format);
      try (FrameChunks it = FrameReader.chunks(file, format, CsvOptions.defaults(), 1000)) {
        assertThat(it.hasNext()).as(format.name()).isTrue();
        Frame first = it.next();
        assertThat(first.rowCount()).isZero();
        assertThat(first.columnNames()).containsExactly("d", "l", "t", "day", "b", "s");
        assertThat(it.hasNext()).isFalse();
      }
    }
  }

  @Test
  void closedAfterTheFirstChunk_releasesTheFile() throws Exception {
    Path file = dir.resolve("ahead.parquet");
    FrameWriter.write(table(0, 5000), file, FileFormat.PARQUET);
    FrameChunks it = FrameReader.chunks(file, FileFormat.PARQUET, CsvOptions.defaults(), 1000);
    assertThat(it.next().rowCount()).isEqualTo(1000);
    it.close();
    Files.delete(file);
    assertThat(Files.exists(file)).isFalse();
  }

  private static void assertSame(Frame expected, Frame actual) {
    assertThat(actual.columnNames()).isEqualTo(expected.columnNames());
    assertThat(actual.rowCount()).isEqualTo(expected.rowCount());
    for (Column e : expected.columns()) {
      Column a = actual.column(e.name());
      assertThat(a.type()).as(e.name()).isEqualTo(e.type());
      for (int row = 0; row < e.size(); row++) {
        assertThat(a.isNull(row)).as("%s null at %d", e.name(), row).isEqualTo(e.isNull(row));
        if (!e.isNull(row)) {
          assertThat(a.get(row)).as("%s at %d", e.name(), row).isEqualTo(e.get(row));
        }
      }
    }
  }
}
