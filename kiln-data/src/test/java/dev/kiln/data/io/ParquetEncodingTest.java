package dev.kiln.data.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.StringColumn;
import dev.kiln.data.internal.DuckDb;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which Parquet encodings Kiln's writer leaves DuckDB to choose per column. */
class ParquetEncodingTest {
  private static final int ROWS = 50_000;

  @TempDir Path dir;

  /** A double column of 5,000 distinct values and a text column of {@code texts} values. */
  private static Frame frame(int texts) {
    double[] x = new double[ROWS];
    String[] s = new String[ROWS];
    for (int i = 0; i < ROWS; i++) {
      x[i] = (i * 7919L % 5_000) / 4.0;
      s[i] = "v" + (i * 31L % texts);
    }
    return Frame.of(DoubleColumn.of("x", x), StringColumn.of("s", s));
  }

  @Test
  void numbersOfManyValues_areNotDictionaryEncoded_fewTextsStillAre() throws Exception {
    Path file = dir.resolve("few.parquet");
    FrameWriter.write(frame(10), file, FileFormat.PARQUET);
    Map<String, String> encodings = encodings(file);
    assertThat(encodings.get("x")).as("5,000 doubles, beyond %d", FrameSink.DICTIONARY_LIMIT)
        .doesNotContain("DICTIONARY");
    assertThat(encodings.get("s")).contains("DICTIONARY");
    assertThat(FrameReader.parquet(file).column("x").getDouble(3)).isEqualTo(frame(10)
        .column("x").getDouble(3));
  }

  @Test
  void textOfManyValues_keepsDuckDbsDefault_dictionariesForBoth() throws Exception {
    Path file = dir.resolve("many.parquet");
    FrameWriter.write(frame(5_000), file, FileFormat.PARQUET);
    Map<String, String> encodings = encodings(file);
    assertThat(encodings.get("s")).contains("DICTIONARY");
    assertThat(encodings.get("x")).contains("DICTIONARY");
  }

  private static Map<String, String> encodings(Path file) throws Exception {
    Map<String, String> out = new HashMap<>();
    try (Connection c = DuckDb.open(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT path_in_schema, encodings FROM parquet_metadata('"
            + file + "')")) {
      while (rs.next()) {
        out.merge(rs.getString(1), rs.getString(2), (a, b) -> a + "," + b);
      }
    }
    return out;
  }
}
