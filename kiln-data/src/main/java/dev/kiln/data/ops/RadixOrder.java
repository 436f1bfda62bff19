package dev.kiln.data.ops;

/**
 * A stable least-significant-digit radix sort of row numbers by several 64-bit keys: the last key
 * first, 8 bits per pass (a pass whose digit is the same for every row is skipped), then a stable
 * partition by the key's missing flags. Linear in the rows, with no comparisons.
 */
final class RadixOrder {
  private RadixOrder() {}

  /**
   * Returns the rows sorted by the keys.
   *
   * @param keys per key, an order-preserving signed value per row
   * @param nulls per key, the missing flags per row (or null when none is missing)
   * @param descending per key, largest first
   * @param nullsFirst per key, missing values first
   */
  static int[] sort(long[][] keys, boolean[][] nulls, boolean[] descending,
      boolean[] nullsFirst, int n) {
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    int[] tmpIdx = new int[n];
    long[] u = new long[n];
    long[] tmpU = new long[n];
    for (int k = keys.length - 1; k >= 0; k--) {
      long flip = descending[k] ? -1L : 0L;
      for (int i = 0; i < n; i++) {
        u[i] = (keys[k][idx[i]] ^ Long.MIN_VALUE) ^ flip;
      }
      for (int shift = 0; shift < 64; shift += 8) {
        if (pass(u, idx, tmpU, tmpIdx, shift)) {
          long[] t = u;
          u = tmpU;
          tmpU = t;
          int[] ti = idx;
          idx = tmpIdx;
          tmpIdx = ti;
        }
      }
      if (nulls[k] != null) {
        partition(idx, tmpIdx, nulls[k], nullsFirst[k]);
        int[] ti = idx;
        idx = tmpIdx;
        tmpIdx = ti;
      }
    }
    return idx;
  }

  /** Scatters by one digit into the other arrays; returns false (nothing moved) when skipped. */
  private static boolean pass(long[] u, int[] idx, long[] toU, int[] toIdx, int shift) {
    int n = u.length;
    int[] count = new int[257];
    for (int i = 0; i < n; i++) {
      count[(int) ((u[i] >>> shift) & 0xFF) + 1]++;
    }
    for (int b = 1; b < 257; b++) {
      if (count[b] == n) {
        return false;
      }
    }
    for (int b = 0; b < 256; b++) {
      count[b + 1] += count[b];
    }
    for (int i = 0; i < n; i++) {
      int at = count[(int) ((u[i] >>> shift) & 0xFF)]++;
      toU[at] = u[i];
      toIdx[at] = idx[i];
    }
    return true;
  }

  /** Moves the rows with missing keys to the front or back, keeping both parts' order. */
  private static void partition(int[] idx, int[] to, boolean[] missing, boolean first) {
    int n = idx.length;
    int nullCount = 0;
    for (int r : idx) {
      if (missing[r]) {
        nullCount++;
      }
    }
    int nullAt = first ? 0 : n - nullCount;
    int valueAt = first ? nullCount : 0;
    for (int r : idx) {
      if (missing[r]) {
        to[nullAt++] = r;
      } else {
        to[valueAt++] = r;
      }
    }
  }
}
