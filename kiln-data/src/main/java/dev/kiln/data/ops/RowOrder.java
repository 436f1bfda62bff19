package dev.kiln.data.ops;

import java.util.List;

/** Compares rows by sortable keys and sorts row numbers with a stable bottom-up merge sort. */
final class RowOrder {
  private static final int RUN = 32;

  private final long[][] values;
  private final boolean[][] nulls;
  private final boolean[] descending;
  private final boolean[] nullsFirst;

  RowOrder(List<SortKey> keys, long[][] values, boolean[][] nulls) {
    this.values = values;
    this.nulls = nulls;
    descending = new boolean[keys.size()];
    nullsFirst = new boolean[keys.size()];
    for (int j = 0; j < keys.size(); j++) {
      descending[j] = keys.get(j).descending();
      nullsFirst[j] = !keys.get(j).nullsLast();
    }
  }

  int compare(int a, int b) {
    for (int j = 0; j < values.length; j++) {
      boolean na = nulls[j][a];
      boolean nb = nulls[j][b];
      if (na || nb) {
        if (na != nb) {
          return na == nullsFirst[j] ? -1 : 1;
        }
        continue;
      }
      int c = Long.compare(values[j][a], values[j][b]);
      if (c != 0) {
        return descending[j] ? -c : c;
      }
    }
    return 0;
  }

  int[] sort(int n) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    for (int lo = 0; lo < n; lo += RUN) {
      insertion(a, lo, Math.min(lo + RUN, n));
    }
    int[] b = new int[n];
    for (int width = RUN; width < n; width *= 2) {
      for (int lo = 0; lo < n; lo += 2 * width) {
        int mid = Math.min(lo + width, n);
        int hi = Math.min(lo + 2 * width, n);
        merge(a, b, lo, mid, hi);
      }
      int[] t = a;
      a = b;
      b = t;
    }
    return a;
  }

  private void insertion(int[] a, int lo, int hi) {
    for (int i = lo + 1; i < hi; i++) {
      int x = a[i];
      int j = i - 1;
      while (j >= lo && compare(a[j], x) > 0) {
        a[j + 1] = a[j];
        j--;
      }
      a[j + 1] = x;
    }
  }

  private void merge(int[] from, int[] to, int lo, int mid, int hi) {
    if (mid >= hi || compare(from[mid - 1], from[mid]) <= 0) {
      System.arraycopy(from, lo, to, lo, hi - lo);
      return;
    }
    int i = lo;
    int j = mid;
    for (int k = lo; k < hi; k++) {
      if (j >= hi || i < mid && compare(from[i], from[j]) <= 0) {
        to[k] = from[i++];
      } else {
        to[k] = from[j++];
      }
    }
  }
}
