package dev.kiln.serving;

import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import dev.kiln.data.TimestampColumn;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * Writes the binary prediction log ({@link LogFormat#BINARY}): a 12-byte header, then one record
 * per entry, {@code u32 length, u32 CRC-32C, payload}, all little-endian. The payload holds the
 * entry's fields and its input and output columns whole (raw IEEE-754 doubles, longs, bitmaps);
 * strings are interned in a per-file dictionary as they first occur. docs/serving.md gives the
 * specification; kiln-lifecycle's reader decodes it.
 */
final class BinaryLogEncoder implements LogEncoder {
  /** The first 8 bytes of every file. */
  static final byte[] MAGIC = "KILNPLOG".getBytes(StandardCharsets.US_ASCII);
  /** The format version, after the magic as a u16 (then a reserved u16). */
  static final int VERSION = 1;
  /** Strings tagged {@code 0} follow inline; {@code 1} defines the next dictionary entry. */
  static final int INLINE = 0;
  static final int DEFINE = 1;
  static final byte DOUBLE = 1;
  static final byte LONG = 2;
  static final byte BOOLEAN = 3;
  static final byte STRING = 4;
  static final byte TIMESTAMP = 5;
  private static final int MAX_DICTIONARY = 1 << 16;
  private static final int MAX_INTERNED_CHARS = 128;
  private static final int MAX_KEPT_BUFFER = 1 << 22;

  private final Map<String, Integer> dictionary = new HashMap<>();
  private final List<String> defined = new ArrayList<>();
  private final CRC32C crc = new CRC32C();
  private ByteBuffer buf = newBuffer(1 << 16);

  @Override
  public byte[] startFile() {
    dictionary.clear();
    ByteBuffer header = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
    header.put(MAGIC).putShort((short) VERSION).putShort((short) 0);
    return header.array();
  }

  @Override
  public int write(PredictionLog.Entry e, Frame inputs, OutputStream out) throws IOException {
    buf.clear();
    buf.position(8);
    defined.clear();
    try {
      ensure(16);
      buf.putLong(micros(e.timestamp())).putDouble(e.latencyMs());
      string(e.requestId(), false);
      string(e.model(), true);
      string(e.version(), true);
      string(e.role(), true);
      varint(e.rows());
      columns(inputs, e.rows());
      columns(e.outputs(), e.rows());
    } catch (RuntimeException failed) {
      defined.forEach(dictionary::remove);
      throw failed;
    }
    int length = buf.position() - 8;
    crc.reset();
    crc.update(buf.array(), 8, length);
    buf.putInt(0, length).putInt(4, (int) crc.getValue());
    out.write(buf.array(), 0, length + 8);
    if (buf.capacity() > MAX_KEPT_BUFFER) {
      buf = newBuffer(1 << 16);
    }
    return length + 8;
  }

  private void columns(Frame frame, int rows) {
    varint(frame.columns().size());
    for (Column c : frame.columns()) {
      string(c.name(), true);
      ensure(2);
      byte type = switch (c.type()) {
        case DOUBLE -> DOUBLE;
        case LONG -> LONG;
        case BOOLEAN -> BOOLEAN;
        case STRING -> STRING;
        case TIMESTAMP -> TIMESTAMP;
      };
      boolean nulls = c.nullCount() > 0;
      buf.put(type).put((byte) (nulls ? 1 : 0));
      if (nulls) {
        bitmap(c, rows, true);
      }
      values(c, type, rows, nulls);
    }
  }

  private void values(Column c, byte type, int rows, boolean nulls) {
    switch (type) {
      case DOUBLE -> {
        ensure(8L * rows);
        for (int r = 0; r < rows; r++) {
          buf.putDouble(nulls && c.isNull(r) ? 0 : c.getDouble(r));
        }
      }
      case BOOLEAN -> bitmap(c, rows, false);
      case STRING -> {
        for (int r = 0; r < rows; r++) {
          if (!nulls || !c.isNull(r)) {
            string(c.getString(r), true);
          }
        }
      }
      default -> {
        ensure(1 + 8L * rows);
        if (type == TIMESTAMP) {
          buf.put(kind(((TimestampColumn) c).kind()));
        }
        for (int r = 0; r < rows; r++) {
          buf.putLong(nulls && c.isNull(r) ? 0 : c.getLong(r));
        }
      }
    }
  }

  /** Writes one bit per row, least significant first: the nulls, or the true booleans. */
  private void bitmap(Column c, int rows, boolean ofNulls) {
    ensure((rows + 7) / 8);
    int bits = 0;
    for (int r = 0; r < rows; r++) {
      boolean set = ofNulls ? c.isNull(r) : !c.isNull(r) && c.getBoolean(r);
      bits |= (set ? 1 : 0) << (r & 7);
      if ((r & 7) == 7 || r == rows - 1) {
        buf.put((byte) bits);
        bits = 0;
      }
    }
  }

  /** Writes a string as a dictionary reference, a new dictionary entry, or inline. */
  private void string(String s, boolean intern) {
    Integer index = intern ? dictionary.get(s) : null;
    if (index != null) {
      varint(index + 2);
      return;
    }
    boolean define = intern && dictionary.size() < MAX_DICTIONARY
        && s.length() <= MAX_INTERNED_CHARS;
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    varint(define ? DEFINE : INLINE);
    varint(utf8.length);
    ensure(utf8.length);
    buf.put(utf8);
    if (define) {
      dictionary.put(s, dictionary.size());
      defined.add(s);
    }
  }

  private void varint(int value) {
    ensure(5);
    int v = value;
    while ((v & ~0x7F) != 0) {
      buf.put((byte) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    buf.put((byte) v);
  }

  private void ensure(long bytes) {
    if (buf.remaining() < bytes) {
      long needed = buf.position() + bytes;
      if (needed > Integer.MAX_VALUE - 16) {
        throw new IllegalStateException("a prediction log record over 2 GB");
      }
      ByteBuffer bigger = newBuffer((int) Math.max(needed, Math.min(2L * buf.capacity(),
          Integer.MAX_VALUE - 16)));
      buf.flip();
      bigger.put(buf);
      buf = bigger;
    }
  }

  private static ByteBuffer newBuffer(int capacity) {
    return ByteBuffer.allocate(capacity).order(ByteOrder.LITTLE_ENDIAN);
  }

  /** Codes a timestamp column's kind: 0 instants, 1 local date-times, 2 dates. */
  private static byte kind(TimestampColumn.Kind kind) {
    return switch (kind) {
      case INSTANT -> 0;
      case LOCAL -> 1;
      case DATE -> 2;
    };
  }

  static long micros(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
  }
}
