package dev.kiln.lifecycle.monitor;

import dev.kiln.core.KilnException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Reads a binary prediction log file ({@code .kpl}, {@code kiln serve}'s default; the format is
 * specified in docs/serving.md). Each record carries its length and a CRC-32C: a record cut
 * short or failing its checksum (a server that stopped mid-write, or one still writing) ends the
 * file, and the bytes from it to the end are skipped and reported, never decoded.
 */
final class BinaryLogFile {
  static final byte[] MAGIC = "KILNPLOG".getBytes(StandardCharsets.US_ASCII);
  static final int VERSION = 1;
  private static final int HEADER = 12;

  private final Path file;
  private final LogTable table;
  private final List<String> dictionary = new ArrayList<>();
  private final CRC32C crc = new CRC32C();
  private ByteBuffer record;
  private long offset;

  private BinaryLogFile(Path file, LogTable table) {
    this.file = file;
    this.table = table;
  }

  /**
   * Adds the file's matching rows to the table.
   *
   * @return the tail skipped (a record cut short or failing its checksum), or null
   * @throws KilnException if the file is not a prediction log of a version this Kiln reads, or
   *     a record whose checksum matches does not decode
   */
  static PredictionLogReader.SkippedTail read(Path file, LogTable table) {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      return new BinaryLogFile(file, table).records(in, Files.size(file));
    } catch (IOException e) {
      throw new KilnException("Cannot read '" + file + "': " + e.getMessage(), null, e);
    }
  }

  private PredictionLogReader.SkippedTail records(InputStream in, long size) throws IOException {
    byte[] header = in.readNBytes(HEADER);
    if (header.length < HEADER) {
      return header.length == 0 ? null : new PredictionLogReader.SkippedTail(file, 0, size);
    }
    ByteBuffer h = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
    if (!Arrays.equals(header, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      throw new KilnException("'" + file + "' is not a Kiln prediction log (its first bytes are"
          + " not KILNPLOG).", "keep only files written by kiln serve in the log folder");
    }
    int version = Short.toUnsignedInt(h.getShort(8));
    if (version != VERSION) {
      throw new KilnException("'" + file + "' is a prediction log of format version " + version
          + "; this Kiln reads version " + VERSION + ".", "read it with the Kiln that wrote it");
    }
    offset = HEADER;
    byte[] head = new byte[8];
    while (offset < size) {
      long remaining = size - offset;
      int got = in.readNBytes(head, 0, 8);
      ByteBuffer hb = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
      long length = Integer.toUnsignedLong(hb.getInt(0));
      if (got < 8 || length > remaining - 8) {
        return new PredictionLogReader.SkippedTail(file, offset, remaining);
      }
      if (record == null || record.capacity() < length) {
        record = ByteBuffer.allocate((int) Math.max(length, 1 << 16))
            .order(ByteOrder.LITTLE_ENDIAN);
      }
      int read = in.readNBytes(record.array(), 0, (int) length);
      crc.reset();
      crc.update(record.array(), 0, read);
      if (read < length || (int) crc.getValue() != hb.getInt(4)) {
        return new PredictionLogReader.SkippedTail(file, offset, remaining);
      }
      record.clear().limit((int) length);
      decode();
      offset += 8 + length;
    }
    return null;
  }

  private void decode() {
    try {
      new BinaryLogRecord(record, dictionary, table).decode();
    } catch (BufferUnderflowException | IllegalArgumentException
        | IndexOutOfBoundsException e) {
      throw new KilnException("The record at byte " + offset + " of '" + file + "' does not"
          + " decode although its checksum matches (" + e + ").",
          "the file was not written by a kiln serve of this format version; move it away");
    }
  }
}
