package dev.kiln.lifecycle.monitor;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Decodes the payload of one binary prediction log record (an entry: a request's rows) into a
 * {@link LogTable}. Strings defined in it are added to the file's dictionary whether or not the
 * entry is kept, since later records refer to them.
 */
final class BinaryLogRecord {
  private static final int DEFINE = 1;
  private static final byte DOUBLE = 1;
  private static final byte LONG = 2;
  private static final byte BOOLEAN = 3;
  private static final byte STRING = 4;
  private static final byte TIMESTAMP = 5;

  private final ByteBuffer in;
  private final List<String> dictionary;
  private final LogTable table;

  BinaryLogRecord(ByteBuffer payload, List<String> dictionary, LogTable table) {
    this.in = payload;
    this.dictionary = dictionary;
    this.table = table;
  }

  /**
   * Reads the record.
   *
   * @throws IllegalArgumentException for a value the format does not allow
   * @throws java.nio.BufferUnderflowException for a record shorter than its content
   */
  void decode() {
    long micros = in.getLong();
    in.getDouble(); // latency_ms: not part of the monitored rows
    String requestId = string();
    String model = string();
    String version = string();
    String role = string();
    int rows = varint();
    boolean kept = table.accepts(model, role, micros);
    int first = kept ? table.add(rows, 0, micros, requestId, version) : -1;
    columns(rows, first, true);
    columns(rows, first, false);
    if (in.hasRemaining()) {
      throw new IllegalArgumentException(in.remaining() + " bytes after the last column");
    }
  }

  /** Reads a group of columns; {@code first} is the table row of the entry's first, or -1. */
  private void columns(int rows, int first, boolean inputs) {
    int count = varint();
    for (int i = 0; i < count; i++) {
      String name = string();
      byte type = in.get();
      boolean hasNulls = switch (in.get()) {
        case 0 -> false;
        case 1 -> true;
        default -> throw new IllegalArgumentException("bad null flag of column '" + name + "'");
      };
      byte[] nulls = hasNulls ? bytes((rows + 7) / 8) : null;
      LogTable.Values values = first < 0 ? null
          : inputs ? table.input(name) : table.output(name);
      column(type, rows, nulls, values, first);
    }
  }

  private void column(byte type, int rows, byte[] nulls, LogTable.Values values, int first) {
    switch (type) {
      case DOUBLE, LONG -> {
        for (int r = 0; r < rows; r++) {
          double v = type == DOUBLE ? in.getDouble() : in.getLong();
          if (values != null && !bit(nulls, r)) {
            values.number(first + r, v);
          }
        }
      }
      case BOOLEAN -> {
        byte[] trues = bytes((rows + 7) / 8);
        for (int r = 0; r < rows; r++) {
          if (values != null && !bit(nulls, r)) {
            values.number(first + r, bit(trues, r) ? 1 : 0);
          }
        }
      }
      case STRING -> {
        for (int r = 0; r < rows; r++) {
          if (!bit(nulls, r)) {
            String v = string();
            if (values != null) {
              values.text(first + r, v);
            }
          }
        }
      }
      case TIMESTAMP -> {
        if (in.get() > 2) {
          throw new IllegalArgumentException("bad timestamp kind");
        }
        for (int r = 0; r < rows; r++) {
          long v = in.getLong();
          if (values != null && !bit(nulls, r)) {
            values.number(first + r, v);
          }
        }
      }
      default -> throw new IllegalArgumentException("unknown column type " + type);
    }
  }

  private static boolean bit(byte[] bits, int row) {
    return bits != null && (bits[row >>> 3] & (1 << (row & 7))) != 0;
  }

  private byte[] bytes(int n) {
    byte[] b = new byte[n];
    in.get(b);
    return b;
  }

  /** Reads a string: inline, defining the next dictionary entry, or a dictionary reference. */
  private String string() {
    int tag = varint();
    if (tag >= 2) {
      return dictionary.get(tag - 2);
    }
    int length = varint();
    if (length > in.remaining()) {
      throw new IllegalArgumentException("a string longer than its record");
    }
    String s = new String(in.array(), in.arrayOffset() + in.position(), length,
        StandardCharsets.UTF_8);
    in.position(in.position() + length);
    if (tag == DEFINE) {
      dictionary.add(s);
    }
    return s;
  }

  private int varint() {
    int value = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      byte b = in.get();
      value |= (b & 0x7F) << shift;
      if (b >= 0) {
        if (value < 0) {
          throw new IllegalArgumentException("a negative count");
        }
        return value;
      }
    }
    throw new IllegalArgumentException("a varint over 5 bytes");
  }
}
