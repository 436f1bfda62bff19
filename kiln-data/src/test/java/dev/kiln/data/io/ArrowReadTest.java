package dev.kiln.data.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.data.BooleanColumn;
import dev.kiln.data.Column;
import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.LongColumn;
import dev.kiln.data.StringColumn;
import dev.kiln.data.TimestampColumn;
import java.nio.file.Path;
import java.util.BitSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole read of many Arrow record batches (131,072 rows each), decoded on a second thread while
 * DuckDB produces the next: every type, missing values on and around each batch boundary, empty
 * strings apart from missing ones, and text of every length class and of several scripts.
 */
class ArrowReadTest {
  private static final int BATCH = 131_072;
  private static final int ROWS = 4 * BATCH + 1_000;
  private static final String[] TEXT = {"", "a", "Bronx", "Zürich / Höngg", "日本語のテキスト",
      "Staten Island / Terrace 3", "Staten Island / Terrace 4", "🦆 duck pond — east side, row ",
      "x".repeat(100)};

  @TempDir Path dir;

  private static boolean missing(int row) {
    int r = row % BATCH;
    return r == 0 || r == 1 || r == BATCH - 1 || row == ROWS - 1 || row % 997 == 5;
  }

  private static Frame table() {
    double[] d = new double[ROWS];
    long[] l = new long[ROWS];
    long[] t = new long[ROWS];
    long[] days = new long[ROWS];
    boolean[] b = new boolean[ROWS];
    String[] s = new String[ROWS];
    BitSet nulls = new BitSet();
    for (int row = 0; row < ROWS; row++) {
      d[row] = row * 0.25 - 3;
      l[row] = row * 7L - 1_000_000L;
      t[row] = 1_700_000_000_000_000L + row * 1_000_003L;
      days[row] = (row % 30_000 - 10_000) * 86_400_000_000L;
      b[row] = row % 3 == 1;
      String text = TEXT[row % TEXT.length];
      s[row] = text.endsWith("row ") ? text + row : text;
      if (missing(row)) {
        nulls.set(row);
        s[row] = null;
      }
    }
    return Frame.of(new DoubleColumn("d", d, nulls), new LongColumn("l", l, nulls),
        new TimestampColumn("t", t, nulls, TimestampColumn.Kind.LOCAL),
        new TimestampColumn("z", t, nulls, TimestampColumn.Kind.INSTANT),
        new TimestampColumn("day", days, nulls, TimestampColumn.Kind.DATE),
        new BooleanColumn("b", b, nulls), StringColumn.of("s", s));
  }

  @Test
  void wholeRead_ofManyBatches_keepsEveryValueNullAndEmptyString() {
    Path file = dir.resolve("many.parquet");
    Frame expected = table();
    FrameWriter.write(expected, file, FileFormat.PARQUET);
    Frame actual = FrameReader.parquet(file);
    assertThat(actual.columnNames()).isEqualTo(expected.columnNames());
    assertThat(actual.rowCount()).isEqualTo(ROWS);
    for (Column e : expected.columns()) {
      Column a = actual.column(e.name());
      assertThat(a.type()).as(e.name()).isEqualTo(e.type());
      for (int row = 0; row < ROWS; row++) {
        assertThat(a.isNull(row)).as("%s null at %d", e.name(), row).isEqualTo(e.isNull(row));
        if (!e.isNull(row)) {
          assertThat(a.get(row)).as("%s at %d", e.name(), row).isEqualTo(e.get(row));
        }
      }
    }
    StringColumn s = (StringColumn) actual.column("s");
    assertThat(s.get(0)).isNull();
    assertThat(s.get(BATCH + 13)).as("row %d", BATCH + 13).isEqualTo("");
  }
}
