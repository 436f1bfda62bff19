package dev.kiln.data.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.catalog.DataCatalog;
import dev.kiln.core.catalog.Dataset;
import dev.kiln.core.config.ProjectConfig;
import dev.kiln.data.ColumnType;
import dev.kiln.data.DataFormatException;
import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.LongColumn;
import dev.kiln.data.StringColumn;
import dev.kiln.data.TimestampColumn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameIoTest {
  @TempDir Path dir;

  private static Frame sample() {
    BitSet missing = new BitSet();
    missing.set(2);
    return Frame.of(new DoubleColumn("x", new double[] {1.5, -2, 0}, missing),
        LongColumn.of("n", 1, 2, 3), StringColumn.of("s", "a", "b,c", null),
        TimestampColumn.of("t", 0L, 1_700_000_000_123_456L, 86_400_000_000L));
  }

  @Test
  void parquetAndJsonl_roundTripTypesAndNulls() {
    for (FileFormat format : List.of(FileFormat.PARQUET, FileFormat.JSONL, FileFormat.CSV)) {
      Path file = dir.resolve("f." + format.name().toLowerCase());
      FrameWriter.write(sample(), file, format);
      Frame back = FrameReader.read(file, format, CsvOptions.defaults());
      assertThat(back.rowCount()).as(format.name()).isEqualTo(3);
      assertThat(back.column("x").isNull(2)).as(format.name()).isTrue();
      assertThat(back.column("x").getDouble(1)).isEqualTo(-2.0);
      assertThat(back.column("s").get(1)).isEqualTo("b,c");
      assertThat(back.column("s").isNull(2)).isTrue();
      if (format != FileFormat.JSONL) {
        assertThat(back.column("t").getDouble(1)).isEqualTo(1_700_000_000_123_456.0);
      } else {
        assertThat(back.column("t").get(1)).isEqualTo("2023-11-14 22:13:20.123456+00");
      }
    }
    assertThat(FrameReader.parquet(dir.resolve("f.parquet")).schema().columns())
        .containsEntry("n", ColumnType.LONG).containsEntry("t", ColumnType.TIMESTAMP);
  }

  @Test
  void csv_explicitSchemaAndDelimiter() throws Exception {
    Path file = dir.resolve("semi.csv");
    Files.writeString(file, "id;code\n1;7\n2;42\n");
    Frame inferred = FrameReader.csv(file, new CsvOptions(";", true, Map.of()));
    assertThat(inferred.column("code").type()).isEqualTo(ColumnType.LONG);
    Frame typed = FrameReader.csv(file, new CsvOptions(";", true,
        Map.of("code", ColumnType.STRING)));
    assertThat(typed.column("code").get(0)).isEqualTo("7");
  }

  @Test
  void csv_malformedLine_namesFileAndLine() throws Exception {
    Path file = dir.resolve("bad.csv");
    Files.writeString(file, "a,b\n1,2\n3,4\n5,6,7,8\n9,10\n");
    assertThatThrownBy(() -> FrameReader.csv(file, CsvOptions.defaults()))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("line 4 has 4 fields but the header has 2");
  }

  @Test
  void csv_junkBeforeTheHeader_isAnErrorNotSilentlySkipped() throws Exception {
    Path file = dir.resolve("junk.csv");
    Files.writeString(file, "exported by tool x\na,b\n1,2\n3,4\n");
    assertThatThrownBy(() -> FrameReader.csv(file, CsvOptions.defaults()))
        .hasMessageContaining("line 2 has 2 fields but the header has 1");
  }

  @Test
  void csv_quotedFieldsWithDelimitersAndNewlines_areNotMalformed() throws Exception {
    Path file = dir.resolve("quoted.csv");
    Files.writeString(file, "a,b\n1,\"x, \"\"y\"\"\nz\"\n2,w\n");
    Frame f = FrameReader.csv(file, CsvOptions.defaults());
    assertThat(f.rowCount()).isEqualTo(2);
    assertThat(f.column("b").get(0)).isEqualTo("x, \"y\"\nz");
  }

  @Test
  void missingFile_namesIt() {
    assertThatThrownBy(() -> FrameReader.parquet(dir.resolve("nope.parquet")))
        .hasMessageContaining("nope.parquet").hasMessageContaining("does not exist");
  }

  @Test
  void chunks_coverEveryRowOnce() {
    double[] values = new double[2500];
    for (int i = 0; i < values.length; i++) {
      values[i] = i;
    }
    Path file = dir.resolve("big.parquet");
    FrameWriter.write(Frame.of(DoubleColumn.of("v", values)), file, FileFormat.PARQUET);
    double sum = 0;
    int chunks = 0;
    try (FrameChunks it = FrameReader.chunks(file, FileFormat.PARQUET, CsvOptions.defaults(), 1000)) {
      while (it.hasNext()) {
        Frame chunk = it.next();
        assertThat(chunk.rowCount()).isLessThanOrEqualTo(1000);
        for (double v : chunk.column("v").toDoubleArray()) {
          sum += v;
        }
        chunks++;
      }
    }
    assertThat(chunks).isEqualTo(3);
    assertThat(sum).isEqualTo(2499.0 * 2500 / 2);
  }

  @Test
  @SuppressWarnings("unchecked")
  void catalogTypes_csvParquetJdbc_areFoundByServiceLoader() throws Exception {
    String db = "jdbc:sqlite:" + dir.resolve("crm.db");
    try (Connection c = DriverManager.getConnection(db)) {
      c.createStatement().execute("CREATE TABLE customers (id INTEGER, spend REAL, seg TEXT)");
      c.createStatement().execute("INSERT INTO customers VALUES (1, 10.5, 'a'), (2, NULL, 'b')");
    }
    Map<String, Object> catalog = Map.of(
        "customers", Map.of("type", "jdbc", "url", db, "query", "SELECT * FROM customers"),
        "copy", Map.of("type", "jdbc", "url", db, "table", "customers_copy"),
        "out", Map.of("type", "parquet", "filepath", "out.parquet"));
    DataCatalog cat = DataCatalog.create(new ProjectConfig(dir, "test", catalog, Map.of(),
        Map.of(), Map.of()), getClass().getClassLoader(), DataCatalog.CatalogSettings.defaults(dir));
    Frame customers = (Frame) cat.dataset("customers").load();
    assertThat(customers.rowCount()).isEqualTo(2);
    assertThat(customers.column("spend").isNull(1)).isTrue();
    ((Dataset<Frame>) cat.dataset("out")).save(customers);
    ((Dataset<Frame>) cat.dataset("copy")).save(customers);
    assertThat(Files.exists(dir.resolve("out.parquet"))).isTrue();
    assertThat(((Frame) cat.dataset("copy").load()).column("seg").get(1)).isEqualTo("b");
  }

  @Test
  void catalog_unknownCsvOption_isRejected() {
    Map<String, Object> catalog = Map.of("raw", Map.of("type", "csv", "filepath", "x.csv",
        "delimeter", ";"));
    DataCatalog cat = DataCatalog.create(new ProjectConfig(dir, "test", catalog, Map.of(),
        Map.of(), Map.of()), getClass().getClassLoader(), DataCatalog.CatalogSettings.defaults(dir));
    assertThatThrownBy(() -> cat.dataset("raw")).hasMessageContaining("unknown option 'delimeter'");
  }
}
