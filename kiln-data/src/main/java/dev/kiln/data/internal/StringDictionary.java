package dev.kiln.data.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Assigns dense codes to distinct UTF-8 byte strings without decoding each occurrence: an
 * open-addressing hash table over the bytes, one {@code String} made per distinct value. A value
 * of up to {@value #SHORT} bytes is keyed by its length and three overlapping words read at fixed
 * places (first, middle, last eight bytes), so a lookup has no loop over its bytes and compares
 * four numbers; a longer value also hashes every word and is compared in full.
 */
final class StringDictionary {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INTS =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  /** Longest value that three eight-byte words cover. */
  static final int SHORT = 24;
  private static final long K = 0x9E3779B97F4A7C15L;
  private static final long K2 = 0xC2B2AE3D27D4EB4FL;
  private int[] slots = new int[256];
  private int[] hashes = new int[64];
  private long[] firsts = new long[64];
  private long[] middles = new long[64];
  private long[] lasts = new long[64];
  private int[] lengths = new int[64];
  private int[] starts = new int[64];
  private String[] values = new String[64];
  private byte[] pool = new byte[1024];
  private int poolSize;
  private int size;
  // the key of the value being looked up (set by key(), read by insert())
  private long first;
  private long middle;
  private long last;

  /** Returns the code of {@code data[from, to)}, adding it if new. */
  int code(byte[] data, int from, int to) {
    int len = to - from;
    int h = key(data, from, to);
    int mask = slots.length - 1;
    for (int s = h & mask; ; s = (s + 1) & mask) {
      int entry = slots[s];
      if (entry == 0) {
        return insert(s, h, data, from, to);
      }
      int c = entry - 1;
      if (((firsts[c] ^ first) | (middles[c] ^ middle) | (lasts[c] ^ last)) == 0
          && lengths[c] == len
          && (len <= SHORT || Arrays.equals(pool, starts[c], starts[c] + len, data, from, to))) {
        return c;
      }
    }
  }

  /** Returns the distinct values, indexed by code. */
  String[] values() {
    return Arrays.copyOf(values, size);
  }

  /** Reads the value's three key words and returns its hash. */
  private int key(byte[] data, int from, int to) {
    int len = to - from;
    if (len >= 8) {
      first = (long) LONGS.get(data, from);
      middle = (long) LONGS.get(data, from + ((len - 8) >> 1));
      last = (long) LONGS.get(data, to - 8);
    } else {
      first = shortWord(data, from, to);
      middle = 0;
      last = 0;
    }
    long h = first * K ^ Long.rotateLeft(middle * K2, 21) ^ Long.rotateLeft(last * K, 43) ^ len;
    if (len > SHORT) {
      for (int i = from + 8; i < to - 8; i += 8) {
        h = (h ^ (long) LONGS.get(data, i)) * K;
      }
    }
    // a product's high bits depend on every lower bit of its factors, its low bits do not:
    // fold the high half down before the last multiply and keep the high half of that
    h = (h ^ (h >>> 32)) * K2;
    return (int) (h >>> 32);
  }

  /** The bytes of a value shorter than eight bytes, zero-padded (no loop above four bytes). */
  private static long shortWord(byte[] data, int from, int to) {
    int len = to - from;
    if (len >= 4) {
      long lo = (int) INTS.get(data, from) & 0xFFFFFFFFL;
      long hi = (int) INTS.get(data, to - 4) & 0xFFFFFFFFL;
      return lo | hi << ((len - 4) * 8);
    }
    long out = 0;
    for (int i = from; i < to; i++) {
      out |= (data[i] & 0xFFL) << ((i - from) * 8);
    }
    return out;
  }

  private int insert(int slot, int h, byte[] data, int from, int to) {
    int c = size++;
    if (c == values.length) {
      int n = c * 2;
      hashes = Arrays.copyOf(hashes, n);
      firsts = Arrays.copyOf(firsts, n);
      middles = Arrays.copyOf(middles, n);
      lasts = Arrays.copyOf(lasts, n);
      lengths = Arrays.copyOf(lengths, n);
      starts = Arrays.copyOf(starts, n);
      values = Arrays.copyOf(values, n);
    }
    int len = to - from;
    if (poolSize + len > pool.length) {
      pool = Arrays.copyOf(pool, Math.max(pool.length * 2, poolSize + len));
    }
    System.arraycopy(data, from, pool, poolSize, len);
    hashes[c] = h;
    firsts[c] = first;
    middles[c] = middle;
    lasts[c] = last;
    lengths[c] = len;
    starts[c] = poolSize;
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
}
