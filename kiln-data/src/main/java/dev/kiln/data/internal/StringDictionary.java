package dev.kiln.data.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Assigns dense codes to distinct UTF-8 byte strings without decoding each occurrence: an
 * open-addressing hash table over the bytes, one {@code String} made per distinct value.
 */
final class StringDictionary {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private int[] slots = new int[256];
  private int[] hashes = new int[64];
  private int[] starts = new int[64];
  private int[] ends = new int[64];
  private String[] values = new String[64];
  private byte[] pool = new byte[1024];
  private int poolSize;
  private int size;

  /** Returns the code of {@code data[from, to)}, adding it if new. */
  int code(byte[] data, int from, int to) {
    int h = hash(data, from, to);
    int mask = slots.length - 1;
    for (int s = h & mask; ; s = (s + 1) & mask) {
      int entry = slots[s];
      if (entry == 0) {
        return insert(s, h, data, from, to);
      }
      int c = entry - 1;
      if (hashes[c] == h
          && Arrays.equals(pool, starts[c], ends[c], data, from, to)) {
        return c;
      }
    }
  }

  /** Returns the distinct values, indexed by code. */
  String[] values() {
    return Arrays.copyOf(values, size);
  }

  private int insert(int slot, int h, byte[] data, int from, int to) {
    int c = size++;
    if (c == values.length) {
      int n = c * 2;
      hashes = Arrays.copyOf(hashes, n);
      starts = Arrays.copyOf(starts, n);
      ends = Arrays.copyOf(ends, n);
      values = Arrays.copyOf(values, n);
    }
    int len = to - from;
    if (poolSize + len > pool.length) {
      pool = Arrays.copyOf(pool, Math.max(pool.length * 2, poolSize + len));
    }
    System.arraycopy(data, from, pool, poolSize, len);
    hashes[c] = h;
    starts[c] = poolSize;
    ends[c] = poolSize + len;
    poolSize += len;
    values[c] = new String(data, from, len, StandardCharsets.UTF_8);
    slots[slot] = c + 1;
    if (size * 2 > slots.length) {
      rehash();
    }
    return c;
  }

  private void rehash() {
    slots = new int[slots.length * 2];
    int mask = slots.length - 1;
    for (int c = 0; c < size; c++) {
      int s = hashes[c] & mask;
      while (slots[s] != 0) {
        s = (s + 1) & mask;
      }
      slots[s] = c + 1;
    }
  }

  /** Hashes eight bytes at a time (most values are short: two or three steps). */
  private static int hash(byte[] data, int from, int to) {
    long h = to - from;
    int i = from;
    for (; i + 8 <= to; i += 8) {
      h = (h ^ (long) LONGS.get(data, i)) * 0x9E3779B97F4A7C15L;
      h ^= h >>> 29;
    }
    for (; i < to; i++) {
      h = (h ^ data[i]) * 0x100000001B3L;
    }
    h *= 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
