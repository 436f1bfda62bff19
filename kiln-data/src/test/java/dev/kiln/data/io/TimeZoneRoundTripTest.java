package dev.kiln.data.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.catalog.DataCatalog;
import dev.kiln.core.catalog.Dataset;
import dev.kiln.core.config.ProjectConfig;
import dev.kiln.data.Frame;
import dev.kiln.data.TimestampColumn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dates and timestamps read and written back never move. The build runs this class again in
 * JVMs forked with TZ and user.timezone set to Asia/Tokyo, America/New_York and UTC (see
 * kiln-data's pom), and each fork checks it really runs in the zone it was given.
 */
class TimeZoneRoundTripTest {
  @TempDir Path dir;

  @Test
  void theForkRunsInTheZoneItWasGiven() {
    String expected = System.getProperty("kiln.test.zone");
    if (expected != null) {
      assertThat(TimeZone.getDefault().getID()).isEqualTo(expected);
      assertThat(System.getenv("TZ")).isEqualTo(expected);
    }
  }

  @Test
  void csvDatesAndTimes_readAsWritten_inEveryFormat() throws Exception {
    Frame read = FrameReader.csv(csvOfTimes(), CsvOptions.defaults());
    assertValues(read, "read from CSV");
    for (FileFormat format : new FileFormat[] {FileFormat.CSV, FileFormat.PARQUET}) {
      Path out = dir.resolve("back." + format.name().toLowerCase());
      FrameWriter.write(read, out, format);
      assertValues(FrameReader.read(out, format, CsvOptions.defaults()), format + " round trip");
    }
    Path back = dir.resolve("back.csv");
    assertThat(Files.readAllLines(back)).containsExactly("day,local,zoned",
        "1970-01-01,1970-01-01 00:00:00,2023-03-25 23:30:00+00",
        "2024-02-29,2023-11-05 01:30:00.25,2023-11-05 06:30:00+00");
  }

  @Test
  void datesAndLocalTimes_madeInJava_surviveParquetAndJson() {
    Frame frame = Frame.of(TimestampColumn.ofDates("day", LocalDate.of(1970, 1, 1),
        LocalDate.of(1969, 12, 31)), TimestampColumn.ofLocal("local",
        LocalDateTime.of(2021, 3, 14, 2, 30), LocalDateTime.of(1900, 1, 1, 0, 0, 0, 1000)));
    for (FileFormat format : new FileFormat[] {FileFormat.PARQUET, FileFormat.JSON,
        FileFormat.CSV}) {
      Path out = dir.resolve("java." + format.name().toLowerCase());
      FrameWriter.write(frame, out, format);
      Frame back = FrameReader.read(out, format, CsvOptions.defaults());
      assertThat(back.column("day").get(1)).as(format.name()).isEqualTo(LocalDate.of(1969, 12,
          31));
      assertThat(back.column("local").get(0)).as(format.name())
          .isEqualTo(LocalDateTime.of(2021, 3, 14, 2, 30));
      assertThat(back.column("local").get(1)).as(format.name())
          .isEqualTo(LocalDateTime.of(1900, 1, 1, 0, 0, 0, 1000));
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void jdbcTable_keepsDatesLocalTimesAndInstants() throws Exception {
    Frame frame = FrameReader.csv(csvOfTimes(), CsvOptions.defaults());
    Map<String, Object> catalog = Map.of("t", Map.of("type", "jdbc", "url", "jdbc:sqlite:"
        + dir.resolve("t.db"), "table", "times"));
    DataCatalog cat = DataCatalog.create(new ProjectConfig(dir, "test", catalog, Map.of(),
        Map.of(), Map.of()), getClass().getClassLoader(), DataCatalog.CatalogSettings.defaults(dir));
    ((Dataset<Frame>) cat.dataset("t")).save(frame);
    Frame back = (Frame) cat.dataset("t").load();
    assertThat(back.column("day").get(1)).isEqualTo(LocalDate.of(2024, 2, 29));
    assertThat(back.column("local").get(1)).isEqualTo(LocalDateTime.of(2023, 11, 5, 1, 30, 0,
        250_000_000));
    assertThat(back.column("zoned").getLong(0)).as("SQLite has no zoned type; the instant stays")
        .isEqualTo(frame.column("zoned").getLong(0));
  }

  private Path csvOfTimes() throws Exception {
    Path csv = dir.resolve("times.csv");
    Files.writeString(csv, "day,local,zoned\n1970-01-01,1970-01-01 00:00:00,"
        + "2023-03-26 01:30:00+02\n2024-02-29,2023-11-05 01:30:00.25,2023-11-05 06:30:00+00\n");
    return csv;
  }

  private static void assertValues(Frame f, String what) {
    TimestampColumn day = (TimestampColumn) f.column("day");
    assertThat(day.kind()).as(what).isEqualTo(TimestampColumn.Kind.DATE);
    assertThat(day.getLong(0)).as(what).isZero();
    assertThat(day.get(1)).as(what).isEqualTo(LocalDate.of(2024, 2, 29));
    TimestampColumn local = (TimestampColumn) f.column("local");
    assertThat(local.kind()).as(what).isEqualTo(TimestampColumn.Kind.LOCAL);
    assertThat(local.get(0)).as(what).isEqualTo(LocalDateTime.of(1970, 1, 1, 0, 0));
    assertThat(local.get(1)).as(what).isEqualTo(LocalDateTime.of(2023, 11, 5, 1, 30, 0,
        250_000_000));
    TimestampColumn zoned = (TimestampColumn) f.column("zoned");
    assertThat(zoned.kind()).as(what).isEqualTo(TimestampColumn.Kind.INSTANT);
    assertThat(zoned.get(0)).as(what).isEqualTo(Instant.parse("2023-03-25T23:30:00Z"));
    assertThat(zoned.get(1)).as(what).isEqualTo(Instant.parse("2023-11-05T06:30:00Z"));
  }
}
