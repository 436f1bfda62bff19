package dev.kiln.data.internal;

import dev.kiln.data.BooleanColumn;
import dev.kiln.data.Column;
import dev.kiln.data.DoubleColumn;
import dev.kiln.data.LongColumn;
import dev.kiln.data.StringColumn;
import dev.kiln.data.TimestampColumn;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.IntFunction;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Builds one frame column from the Arrow vectors of successive record batches, copying each
 * buffer in bulk into a primitive array (strings into dictionary codes). Types without a frame
 * counterpart (time of day, intervals, lists, structs, blobs) become their text.
 */
abstract class ArrowColumnBuilder {
  final String name;
  final BitSet nulls = new BitSet();
  int size;

  private ArrowColumnBuilder(String name) {
    this.name = name;
  }

  /** Returns a builder for a field of an Arrow schema. */
  static ArrowColumnBuilder of(Field field) {
    String name = field.getName();
    ArrowType type = field.getType();
    return switch (type.getTypeID()) {
      case Int -> ((ArrowType.Int) type).getBitWidth() == 64 && !((ArrowType.Int) type).getIsSigned()
          ? new Doubles(name) : new Longs(name, null, 1, 1);
      case FloatingPoint, Decimal -> new Doubles(name);
      case Bool -> new Booleans(name);
      case Utf8 -> new Strings(name);
      case Date -> ((ArrowType.Date) type).getUnit() == org.apache.arrow.vector.types.DateUnit.DAY
          ? new Longs(name, TimestampColumn.Kind.DATE, 86_400_000_000L, 1)
          : new Longs(name, TimestampColumn.Kind.DATE, 1000, 1);
      case Timestamp -> timestamps(name, (ArrowType.Timestamp) type);
      default -> new Texts(name);
    };
  }

  private static ArrowColumnBuilder timestamps(String name, ArrowType.Timestamp t) {
    TimestampColumn.Kind kind = t.getTimezone() == null ? TimestampColumn.Kind.LOCAL
        : TimestampColumn.Kind.INSTANT;
    return switch (t.getUnit()) {
      case SECOND -> new Longs(name, kind, 1_000_000, 1);
      case MILLISECOND -> new Longs(name, kind, 1000, 1);
      case MICROSECOND -> new Longs(name, kind, 1, 1);
      case NANOSECOND -> new Longs(name, kind, 1, 1000);
    };
  }

  /** Appends the rows of one batch's vector. */
  final void add(FieldVector v) {
    int n = v.getValueCount();
    ArrowBuffers.markNulls(v, n, nulls, size);
    addValues(v, n);
    size += n;
  }

  abstract void addValues(FieldVector v, int n);

  /** Returns the column of every row added. */
  abstract Column build();

  static <T> T concat(List<T> parts, int size, IntFunction<T> create) {
    if (parts.size() == 1 && Array.getLength(parts.get(0)) == size) {
      return parts.get(0);
    }
    T out = create.apply(size);
    int at = 0;
    for (T p : parts) {
      int n = Array.getLength(p);
      System.arraycopy(p, 0, out, at, n);
      at += n;
    }
    parts.clear();
    return out;
  }

  /** Integers, or timestamps scaled to microseconds (times {@code mul}, divided by {@code div}). */
  private static final class Longs extends ArrowColumnBuilder {
    private final List<long[]> parts = new ArrayList<>();
    private final TimestampColumn.Kind kind;
    private final long mul;
    private final long div;

    Longs(String name, TimestampColumn.Kind kind, long mul, long div) {
      super(name);
      this.kind = kind;
      this.mul = mul;
      this.div = div;
    }

    @Override
    void addValues(FieldVector v, int n) {
      boolean unsigned = v.getField().getType() instanceof ArrowType.Int i && !i.getIsSigned();
      long[] values = ArrowBuffers.longs((BaseFixedWidthVector) v, n, unsigned);
      if (mul != 1 || div != 1) {
        for (int i = 0; i < n; i++) {
          values[i] = Math.floorDiv(values[i] * mul, div);
        }
      }
      parts.add(values);
    }

    @Override
    Column build() {
      long[] values = concat(parts, size, long[]::new);
      return kind == null ? new LongColumn(name, values, nulls)
          : new TimestampColumn(name, values, nulls, kind);
    }
  }

  /** Floating point and decimal numbers (and unsigned 64-bit integers) as doubles. */
  private static final class Doubles extends ArrowColumnBuilder {
    private final List<double[]> parts = new ArrayList<>();

    Doubles(String name) {
      super(name);
    }

    @Override
    void addValues(FieldVector v, int n) {
      double[] values = new double[n];
      if (v instanceof Float8Vector) {
        ArrowBuffers.view(v.getDataBuffer(), n * 8L).asDoubleBuffer().get(values);
      } else if (v instanceof Float4Vector) {
        float[] tmp = new float[n];
        ArrowBuffers.view(v.getDataBuffer(), n * 4L).asFloatBuffer().get(tmp);
        for (int i = 0; i < n; i++) {
          values[i] = tmp[i];
        }
      } else if (v instanceof DecimalVector d && d.getPrecision() <= 18) {
        long[] words = new long[2 * n];
        ArrowBuffers.view(v.getDataBuffer(), n * 16L).asLongBuffer().get(words);
        double scale = Math.pow(10, d.getScale());
        for (int i = 0; i < n; i++) {
          values[i] = words[2 * i] / scale;
        }
      } else {
        for (int i = 0; i < n; i++) {
          Object o = v.getObject(i);
          values[i] = o == null ? Double.NaN : ((Number) o).doubleValue();
        }
      }
      parts.add(values);
    }

    @Override
    Column build() {
      return new DoubleColumn(name, concat(parts, size, double[]::new), nulls);
    }
  }

  private static final class Booleans extends ArrowColumnBuilder {
    private final List<boolean[]> parts = new ArrayList<>();

    Booleans(String name) {
      super(name);
    }

    @Override
    void addValues(FieldVector v, int n) {
      parts.add(ArrowBuffers.bits(((BitVector) v).getDataBuffer(), n));
    }

    @Override
    Column build() {
      return new BooleanColumn(name, concat(parts, size, boolean[]::new), nulls);
    }
  }

  /** UTF-8 strings, hashed straight from Arrow's bytes into dictionary codes. */
  private static final class Strings extends ArrowColumnBuilder {
    private final List<int[]> parts = new ArrayList<>();
    private final StringDictionary dictionary = new StringDictionary();
    // one batch's offsets and bytes, reused from batch to batch
    private int[] offsets = new int[0];
    private byte[] data = new byte[0];

    Strings(String name) {
      super(name);
    }

    @Override
    void addValues(FieldVector v, int n) {
      if (offsets.length < n + 1) {
        offsets = new int[n + 1];
      }
      ArrowBuffers.view(v.getOffsetBuffer(), (n + 1) * 4L).asIntBuffer().get(offsets, 0, n + 1);
      int bytes = offsets[n] - offsets[0];
      if (data.length < bytes) {
        data = new byte[Math.max(bytes, data.length + (data.length >> 1))];
      }
      v.getDataBuffer().getBytes(offsets[0], data, 0, bytes);
      int base = offsets[0];
      int[] codes = new int[n];
      boolean anyNull = v.getNullCount() > 0;
      for (int i = 0; i < n; i++) {
        codes[i] = anyNull && nulls.get(size + i) ? StringColumn.NULL_CODE
            : dictionary.code(data, offsets[i] - base, offsets[i + 1] - base);
      }
      parts.add(codes);
    }

    @Override
    Column build() {
      return StringColumn.ofCodes(name, concat(parts, size, int[]::new), dictionary.values());
    }
  }

  /** Any other type, as its text. */
  private static final class Texts extends ArrowColumnBuilder {
    private final List<String[]> parts = new ArrayList<>();

    Texts(String name) {
      super(name);
    }

    @Override
    void addValues(FieldVector v, int n) {
      String[] values = new String[n];
      for (int i = 0; i < n; i++) {
        Object o = v.getObject(i);
        values[i] = o == null ? null : o.toString();
      }
      parts.add(values);
    }

    @Override
    Column build() {
      return new StringColumn(name, concat(parts, size, String[]::new));
    }
  }
}
