package dev.kiln.data.internal;

import dev.kiln.data.Column;
import dev.kiln.data.DoubleColumn;
import dev.kiln.data.LongColumn;
import dev.kiln.data.StringColumn;
import dev.kiln.data.TimestampColumn;
import java.nio.LongBuffer;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * Fills Arrow vectors from frame columns, a range of rows at a time, copying through primitive
 * arrays in bulk; string dictionaries are encoded to UTF-8 once per column, not once per row.
 */
final class FrameVectors {
  private static final long MICROS_PER_DAY = 86_400_000_000L;
  private final Map<StringColumn, byte[][]> utf8 = new IdentityHashMap<>();

  /** Returns the Arrow field a column is exported as. */
  static Field field(Column c) {
    ArrowType type = switch (c.type()) {
      case DOUBLE -> new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
      case LONG -> new ArrowType.Int(64, true);
      case BOOLEAN -> ArrowType.Bool.INSTANCE;
      case STRING -> ArrowType.Utf8.INSTANCE;
      case TIMESTAMP -> switch (((TimestampColumn) c).kind()) {
        case DATE -> new ArrowType.Date(DateUnit.DAY);
        case LOCAL -> new ArrowType.Timestamp(TimeUnit.MICROSECOND, null);
        case INSTANT -> new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC");
      };
    };
    return new Field(c.name(), FieldType.nullable(type), List.of());
  }

  /** Fills a vector with rows {@code [from, from + n)} of a column. */
  void fill(FieldVector v, Column c, int from, int n) {
    v.clear();
    switch (c.type()) {
      case STRING -> fillStrings((VarCharVector) v, (StringColumn) c, from, n);
      case BOOLEAN -> {
        ((BitVector) v).allocateNew(n);
        boolean[] bits = new boolean[n];
        for (int i = 0; i < n; i++) {
          bits[i] = c.getLong(from + i) != 0;
        }
        putBits(v, bits);
      }
      case DOUBLE -> {
        ((BaseFixedWidthVector) v).allocateNew(n);
        ((DoubleColumn) c).copyTo(from, n,
            ArrowBuffers.view(v.getDataBuffer(), n * 8L).asDoubleBuffer());
      }
      case LONG -> fillLongs(v, c, from, n, 1);
      case TIMESTAMP -> {
        boolean date = ((TimestampColumn) c).kind() == TimestampColumn.Kind.DATE;
        fillLongs(v, c, from, n, date ? MICROS_PER_DAY : 0);
      }
    }
    putNulls(v, c, from, n);
    v.setValueCount(n);
  }

  /** Longs as they are, or (when {@code days} is set) as 32-bit day numbers. */
  private static void fillLongs(FieldVector v, Column c, int from, int n, long days) {
    ((BaseFixedWidthVector) v).allocateNew(n);
    if (days > 1) {
      int[] values = new int[n];
      for (int i = 0; i < n; i++) {
        values[i] = (int) Math.floorDiv(c.getLong(from + i), days);
      }
      ArrowBuffers.put(v.getDataBuffer(), values, 0, n);
      return;
    }
    LongBuffer out = ArrowBuffers.view(v.getDataBuffer(), n * 8L).asLongBuffer();
    if (c instanceof LongColumn l) {
      l.copyTo(from, n, out);
    } else {
      ((TimestampColumn) c).copyTo(from, n, out);
    }
  }

  private void fillStrings(VarCharVector v, StringColumn c, int from, int n) {
    byte[][] dict = utf8.computeIfAbsent(c, FrameVectors::encode);
    int[] offsets = new int[n + 1];
    long total = 0;
    for (int i = 0; i < n; i++) {
      int code = c.code(from + i);
      total += code == StringColumn.NULL_CODE ? 0 : dict[code].length;
      offsets[i + 1] = Math.toIntExact(total);
    }
    byte[] data = new byte[(int) total];
    for (int i = 0; i < n; i++) {
      int code = c.code(from + i);
      if (code != StringColumn.NULL_CODE) {
        System.arraycopy(dict[code], 0, data, offsets[i], dict[code].length);
      }
    }
    v.allocateNew(Math.max(1, total), n);
    ArrowBuffers.put(v.getOffsetBuffer(), offsets, 0, n + 1);
    v.getDataBuffer().setBytes(0, data);
    v.setLastSet(n - 1);
  }

  /** Forgets the encoded dictionaries of columns already written. */
  void forget() {
    utf8.clear();
  }

  private static byte[][] encode(StringColumn c) {
    byte[][] out = new byte[c.dictionarySize()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = c.dictionaryValue(i).getBytes(StandardCharsets.UTF_8);
    }
    return out;
  }

  private static void putBits(FieldVector v, boolean[] bits) {
    byte[] packed = new byte[(bits.length + 7) / 8];
    for (int i = 0; i < bits.length; i++) {
      if (bits[i]) {
        packed[i >> 3] |= (byte) (1 << (i & 7));
      }
    }
    v.getDataBuffer().setBytes(0, packed);
  }

  /**
   * Sets the validity bits, all valid at once when a primitive column has no missing value (a
   * string column's count would scan every row, so its rows are looked at instead).
   */
  private static void putNulls(FieldVector v, Column c, int from, int n) {
    java.util.BitSet nulls = null;
    if (c instanceof StringColumn || c.nullCount() > 0) {
      for (int i = 0; i < n; i++) {
        if (c.isNull(from + i)) {
          if (nulls == null) {
            nulls = new java.util.BitSet(n);
          }
          nulls.set(i);
        }
      }
    }
    ArrowBuffers.putValidity(v.getValidityBuffer(), nulls, 0, n);
  }
}
