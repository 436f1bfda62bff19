package dev.kiln.data.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.data.ColumnType;
import dev.kiln.data.DataFormatException;
import dev.kiln.data.Frame;
import dev.kiln.data.LongColumn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BadInputTest {
  @TempDir Path dir;

  @Test
  void csv_valueNotOfTheDeclaredType_namesLineColumnValueAndTheFixes() throws Exception {
    Path file = dir.resolve("typed.csv");
    Files.writeString(file, "id,amount\n1,10\n2,12\n3,n/a\n4,9\n");
    assertThatThrownBy(() -> FrameReader.csv(file, new CsvOptions(",", true,
        Map.of("amount", ColumnType.LONG))))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining("'" + file + "': line 4, column 'amount': 'n/a' is not a valid long")
        .satisfies(e -> assertThat(((DataFormatException) e).hint().orElse(""))
            .contains("'schema:'").contains("kiln validate"));
  }

  @Test
  void csv_badValueFarBeyondTheSniffedSample_isReportedWhileStreaming() throws Exception {
    Path file = LateBadValueCsv.write(dir);
    int[] chunksBeforeTheError = {0};
    assertThatThrownBy(() -> {
      try (FrameChunks chunks = FrameReader.chunks(file, FileFormat.CSV,
          LateBadValueCsv.OPTIONS, 10_000)) {
        chunks.forEachRemaining(c -> chunksBeforeTheError[0]++);
      }
    }).isInstanceOf(DataFormatException.class)
        .hasMessageContaining(LateBadValueCsv.ERROR);
    assertThat(chunksBeforeTheError[0]).as("DuckDB streams: chunks arrive before the end is read")
        .isPositive();
  }

  @Test
  void csv_unclosedQuote_namesTheLine() throws Exception {
    Path file = dir.resolve("quote.csv");
    Files.writeString(file, "a,b\n1,2\n3,\"4\n5,6\n");
    assertThatThrownBy(() -> FrameReader.csv(file, CsvOptions.defaults()))
        .hasMessageContaining("line 3 opens a quote (\") that is never closed");
  }

  @Test
  void csv_emptyFile_isAnError_headerOnlyIsAnEmptyFrame() throws Exception {
    Path empty = dir.resolve("empty.csv");
    Files.writeString(empty, "");
    assertThatThrownBy(() -> FrameReader.csv(empty, CsvOptions.defaults()))
        .hasMessageContaining("the file is empty");
    Path header = dir.resolve("header.csv");
    Files.writeString(header, "id,name\n");
    Frame f = FrameReader.csv(header, new CsvOptions(",", true, Map.of("id", ColumnType.LONG)));
    assertThat(f.rowCount()).isZero();
    assertThat(f.columnNames()).containsExactly("id", "name");
    assertThat(f.column("id").type()).isEqualTo(ColumnType.LONG);
  }

  @Test
  void json_wrongFlavour_namesTheFormatTriedAndTheOther() throws Exception {
    Path lines = dir.resolve("records.json");
    Files.writeString(lines, "{\"a\": 1}\n{\"a\": 2}\n");
    assertThatThrownBy(() -> FrameReader.json(lines))
        .hasMessageContaining("as a JSON array of records")
        .satisfies(e -> assertThat(((DataFormatException) e).hint().orElse("")).contains(".jsonl"));
    Path array = dir.resolve("records.jsonl");
    Files.writeString(array, "[{\"a\": 1}, {\"a\": 2}]");
    assertThatThrownBy(() -> FrameReader.jsonl(array))
        .hasMessageContaining("as JSON lines")
        .satisfies(e -> assertThat(((DataFormatException) e).hint().orElse(""))
            .contains("'json_records'"));
  }

  @Test
  void json_arrayOfRecords_andLines_areRead() throws Exception {
    Path array = dir.resolve("a.json");
    Files.writeString(array, "[{\"a\": 1, \"s\": \"x\"}, {\"a\": 2, \"s\": null}]");
    Frame f = FrameReader.json(array);
    assertThat(f.rowCount()).isEqualTo(2);
    assertThat(f.column("s").isNull(1)).isTrue();
    Path lines = dir.resolve("a.ndjson");
    Files.writeString(lines, "{\"a\": 1}\n{\"a\": 2}\n");
    assertThat(FrameReader.read(lines, FileFormat.ofFile(lines).orElseThrow(),
        CsvOptions.defaults()).column("a").getLong(1)).isEqualTo(2);
  }

  @Test
  void failedChunkedWrite_leavesNoTargetAndNoTemporaryFile() throws Exception {
    Path out = dir.resolve("out.parquet");
    try (FrameSink sink = new FrameSink(out, FileFormat.PARQUET)) {
      sink.append(Frame.of(LongColumn.of("a", 1, 2)));
      assertThatThrownBy(() -> sink.append(Frame.of(LongColumn.of("b", 3))))
          .hasMessageContaining("columns [b]");
    }
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left).isEmpty();
    }
  }
}
