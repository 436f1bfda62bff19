package dev.kiln.data.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.data.DataFormatException;
import dev.kiln.data.Frame;
import dev.kiln.data.LongColumn;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadAheadTest {
  @TempDir Path dir;

  private Path numbers(int rows) {
    Path file = dir.resolve("numbers.parquet");
    FrameWriter.write(Frame.of(LongColumn.of("n", LongStream.range(0, rows).toArray())), file,
        FileFormat.PARQUET);
    return file;
  }

  @Test
  void chunks_comeInOrder_likeTheFileReadDirectly() {
    Path file = numbers(25_000);
    List<Long> seen = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    try (ReadAhead chunks = ReadAhead.start(file, FileFormat.PARQUET, CsvOptions.defaults(),
        10_000)) {
      chunks.forEachRemaining(f -> {
        sizes.add(f.rowCount());
        for (int i = 0; i < f.rowCount(); i++) {
          seen.add(f.column("n").getLong(i));
        }
      });
    }
    assertThat(sizes).containsExactly(10_000, 10_000, 5_000);
    assertThat(seen).isEqualTo(LongStream.range(0, 25_000).boxed().toList());
  }

  @Test
  void reader_readsOneChunkAhead_neverTwo() throws Exception {
    Path file = numbers(50_000);
    AtomicInteger read = new AtomicInteger();
    try (ReadAhead chunks = ReadAhead.over(() -> {
      FrameChunks c = FrameReader.chunks(file, FileFormat.PARQUET, CsvOptions.defaults(), 10_000);
      c.onBatch(rows -> read.incrementAndGet());
      return c;
    }, "numbers")) {
      chunks.next();
      while (read.get() < 2) {
        Thread.sleep(5);
      }
      Thread.sleep(200);
      assertThat(read).as("the chunk in use and one read ahead").hasValue(2);
      chunks.next();
      while (read.get() < 3) {
        Thread.sleep(5);
      }
      Thread.sleep(200);
      assertThat(read).hasValue(3);
    }
    assertThat(readerThreads()).as("close stops the reader").isEmpty();
  }

  @Test
  void badLineInALaterChunk_isThrownToTheConsumer_afterTheGoodChunks() throws Exception {
    Path file = LateBadValueCsv.write(dir);
    int[] good = {0};
    assertThatThrownBy(() -> {
      try (ReadAhead chunks = ReadAhead.start(file, FileFormat.CSV,
          LateBadValueCsv.OPTIONS, 10_000)) {
        chunks.forEachRemaining(c -> good[0]++);
      }
    }).isInstanceOf(DataFormatException.class)
        .hasMessageContaining(LateBadValueCsv.ERROR);
    assertThat(good[0]).isPositive();
    assertThat(readerThreads()).isEmpty();
  }

  @Test
  void missingFile_isThrownByTheFirstHasNext() {
    try (ReadAhead chunks = ReadAhead.start(dir.resolve("nope.csv"), FileFormat.CSV,
        CsvOptions.defaults(), 10)) {
      assertThatThrownBy(chunks::hasNext).isInstanceOf(DataFormatException.class)
          .hasMessageContaining("nope.csv' does not exist");
    }
  }

  @Test
  void closeBeforeReading_stopsTheReaderAndReleasesTheFile() {
    Path file = numbers(50_000);
    ReadAhead chunks = ReadAhead.start(file, FileFormat.PARQUET, CsvOptions.defaults(), 1_000);
    chunks.close();
    assertThat(readerThreads()).isEmpty();
    assertThatThrownBy(chunks::hasNext).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  private static List<Thread> readerThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("kiln-read-") && t.isAlive()).toList();
  }
}
