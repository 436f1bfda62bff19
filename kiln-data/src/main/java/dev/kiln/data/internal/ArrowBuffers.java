package dev.kiln.data.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.BitSet;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.FieldVector;

/** Bulk copies between Arrow's off-heap buffers and Java arrays (no per-value calls). */
final class ArrowBuffers {
  private ArrowBuffers() {}

  /** Returns a little-endian view of the first {@code bytes} bytes of a buffer. */
  static ByteBuffer view(ArrowBuf buf, long bytes) {
    return buf.nioBuffer(0, Math.toIntExact(bytes)).order(ByteOrder.LITTLE_ENDIAN);
  }

  /** Returns the values of a fixed-width integer vector (1, 2, 4 or 8 bytes) as longs. */
  static long[] longs(BaseFixedWidthVector v, int n, boolean unsigned) {
    long[] out = new long[n];
    ByteBuffer data = view(v.getDataBuffer(), (long) n * v.getTypeWidth());
    switch (v.getTypeWidth()) {
      case 8 -> data.asLongBuffer().get(out);
      case 4 -> {
        int[] tmp = new int[n];
        data.asIntBuffer().get(tmp);
        for (int i = 0; i < n; i++) {
          out[i] = unsigned ? Integer.toUnsignedLong(tmp[i]) : tmp[i];
        }
      }
      case 2 -> {
        short[] tmp = new short[n];
        data.asShortBuffer().get(tmp);
        for (int i = 0; i < n; i++) {
          out[i] = unsigned ? Short.toUnsignedLong(tmp[i]) : tmp[i];
        }
      }
      case 1 -> {
        byte[] tmp = new byte[n];
        data.get(tmp);
        for (int i = 0; i < n; i++) {
          out[i] = unsigned ? Byte.toUnsignedLong(tmp[i]) : tmp[i];
        }
      }
      default -> throw new IllegalArgumentException("width " + v.getTypeWidth());
    }
    return out;
  }

  /** Returns the bits of a bit-packed buffer (validity or booleans) as booleans. */
  static boolean[] bits(ArrowBuf buf, int n) {
    byte[] packed = new byte[(n + 7) / 8];
    view(buf, packed.length).get(packed);
    boolean[] out = new boolean[n];
    for (int i = 0; i < n; i++) {
      out[i] = (packed[i >> 3] & (1 << (i & 7))) != 0;
    }
    return out;
  }

  /** Marks the missing rows of a vector in {@code nulls}, shifted by {@code offset}. */
  static void markNulls(FieldVector v, int n, BitSet nulls, int offset) {
    if (v.getNullCount() == 0) {
      return;
    }
    byte[] packed = new byte[(n + 7) / 8];
    view(v.getValidityBuffer(), packed.length).get(packed);
    for (int i = 0; i < n; i++) {
      if ((packed[i >> 3] & (1 << (i & 7))) == 0) {
        nulls.set(offset + i);
      }
    }
  }

  /** Copies {@code n} values into a buffer from a Java array, bulk. */
  static void put(ArrowBuf buf, long[] values, int from, int n) {
    view(buf, (long) n * 8).asLongBuffer().put(values, from, n);
  }

  /** Copies {@code n} values into a buffer from a Java array, bulk. */
  static void put(ArrowBuf buf, double[] values, int from, int n) {
    view(buf, (long) n * 8).asDoubleBuffer().put(values, from, n);
  }

  /** Copies {@code n} values into a buffer from a Java array, bulk. */
  static void put(ArrowBuf buf, int[] values, int from, int n) {
    view(buf, (long) n * 4).asIntBuffer().put(values, from, n);
  }

  /** Sets a validity buffer of {@code n} rows: valid unless in {@code nulls} at row+from. */
  static void putValidity(ArrowBuf buf, BitSet nulls, int from, int n) {
    byte[] packed = new byte[(n + 7) / 8];
    java.util.Arrays.fill(packed, (byte) 0xFF);
    if (nulls != null) {
      for (int i = nulls.nextSetBit(from); i >= 0 && i < from + n; i = nulls.nextSetBit(i + 1)) {
        packed[(i - from) >> 3] &= (byte) ~(1 << ((i - from) & 7));
      }
    }
    view(buf, packed.length).put(packed);
  }
}
