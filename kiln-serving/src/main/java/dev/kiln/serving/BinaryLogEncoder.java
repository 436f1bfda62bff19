package dev.kiln.serving;

import dev.kiln.data.Column;
import dev.kiln.data.ColumnType;
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
import java.util.function.IntPredicate;
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
  public int write(PredictionLog.Entry e, OutputStream out) throws IOException {
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
      if (e.inputs() instanceof InputRows rows && !rows.hasFractions()) {
        columns(rows);
      } else {
        columns(e.inputs().get(), e.rows());
      }
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
      byte type = type(c.type());
      boolean nulls = c.nullCount() > 0;
      buf.put(type).put((byte) (nulls ? 1 : 0));
      if (nulls) {
        bitmap(c, rows, true);
      }
      values(c, type, rows, nulls);
    }
  }

  /**
   * Writes a request's checked rows as the columns {@link InputRows#frame()} would give (every
   * whole-number field holding whole numbers), without building them.
   */
  private void columns(InputRows rows) {
    int width = rows.fields().size();
    varint(width);
    for (int f = 0; f < width; f++) {
      string(rows.fields().get(f).name(), true);
      column(rows, f, rows.rowCount());
    }
  }

  private void column(InputRows rows, int f, int n) {
    byte type = type(rows.type(f));
    boolean nulls = false;
    for (int r = 0; r < n && !nulls; r++) {
      nulls = rows.isMissing(r, f);
    }
    ensure(3 + (n + 7) / 8 + 8L * n);
    buf.put(type).put((byte) (nulls ? 1 : 0));
    if (nulls) {
      bits(n, r -> rows.isMissing(r, f));
    }
    switch (type) {
      case DOUBLE -> {
        for (int r = 0; r < n; r++) {
          buf.putDouble(nulls && rows.isMissing(r, f) ? 0 : rows.number(r, f));
        }
      }
      case LONG -> {
        for (int r = 0; r < n; r++) {
          buf.putLong(nulls && rows.isMissing(r, f) ? 0 : (long) rows.number(r, f));
        }
      }
      case BOOLEAN -> bits(n, r -> !rows.isMissing(r, f) && rows.number(r, f) != 0);
      case STRING -> {
        for (int r = 0; r < n; r++) {
          if (!rows.isMissing(r, f)) {
            string(rows.text(r, f), true);
          }
        }
      }
      default -> {
        buf.put(kind(TimestampColumn.Kind.INSTANT));
        for (int r = 0; r < n; r++) {
          buf.putLong(nulls && rows.isMissing(r, f) ? 0 : rows.micros(r, f));
        }
      }
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
    bits(rows, ofNulls ? c::isNull : r -> !c.isNull(r) && c.getBoolean(r));
  }

  private void bits(int rows, IntPredicate set) {
    ensure((rows + 7) / 8);
    int bits = 0;
    for (int r = 0; r < rows; r++) {
      bits |= (set.test(r) ? 1 : 0) << (r & 7);
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

  private static byte type(ColumnType type) {
    return switch (type) {
      case DOUBLE -> DOUBLE;
      case LONG -> LONG;
      case BOOLEAN -> BOOLEAN;
      case STRING -> STRING;
      case TIMESTAMP -> TIMESTAMP;
    };
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
