package dev.kiln.data.ops;

import java.util.Arrays;

/**
 * The distinct keys of a frame's rows, numbered in order of first appearance: an open-addressing
 * hash table over {@link KeyColumns}' row hashes, holding group numbers (no boxing).
 */
final class GroupIndex {
  final KeyColumns keys;
  /** The group of each row. */
  final int[] groupOf;
  /** The first row of each group, ascending. */
  final int[] firstRow;
  final int groups;
  private final int[] table;
  private final int mask;

  private GroupIndex(KeyColumns keys, int[] groupOf, int[] firstRow, int groups, int[] table) {
    this.keys = keys;
    this.groupOf = groupOf;
    this.firstRow = firstRow;
    this.groups = groups;
    this.table = table;
    this.mask = table.length - 1;
  }

  static GroupIndex of(KeyColumns keys) {
    int rows = keys.rows;
    int capacity = Integer.highestOneBit(Math.max(2, rows) * 2 - 1) << 1;
    int[] table = new int[capacity];
    int mask = capacity - 1;
    int[] groupOf = new int[rows];
    int[] first = new int[Math.max(16, rows)];
    long[] h = keys.hashes;
    int groups = 0;
    for (int i = 0; i < rows; i++) {
      int slot = spread(h[i]) & mask;
      while (true) {
        int g = table[slot] - 1;
        if (g < 0) {
          table[slot] = groups + 1;
          first[groups] = i;
          groupOf[i] = groups++;
          break;
        }
        int r = first[g];
        if (h[r] == h[i] && keys.equal(i, keys, r)) {
          groupOf[i] = g;
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
    return new GroupIndex(keys, groupOf, Arrays.copyOf(first, groups), groups, table);
  }

  /** Returns the group whose key equals row {@code i} of {@code probe}, or -1. */
  int find(KeyColumns probe, int i) {
    long hash = probe.hashes[i];
    int slot = spread(hash) & mask;
    while (true) {
      int g = table[slot] - 1;
      if (g < 0) {
        return -1;
      }
      int r = firstRow[g];
      if (keys.hashes[r] == hash && probe.equal(i, keys, r)) {
        return g;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** Returns the number of rows in each group. */
  int[] sizes() {
    int[] sizes = new int[groups];
    for (int g : groupOf) {
      sizes[g]++;
    }
    return sizes;
  }

  /**
   * Returns the rows ordered by group, each group's rows ascending: group {@code g}'s rows are
   * {@code rows[offsets[g] .. offsets[g + 1])} for the {@link #offsets}.
   */
  int[] rowsByGroup(int[] offsets) {
    int[] next = Arrays.copyOf(offsets, groups);
    int[] rows = new int[groupOf.length];
    for (int i = 0; i < groupOf.length; i++) {
      rows[next[groupOf[i]]++] = i;
    }
    return rows;
  }

  /** Returns the start of each group's rows in {@link #rowsByGroup}, plus the total at the end. */
  int[] offsets() {
    int[] sizes = sizes();
    int[] offsets = new int[groups + 1];
    for (int g = 0; g < groups; g++) {
      offsets[g + 1] = offsets[g] + sizes[g];
    }
    return offsets;
  }

  private static int spread(long h) {
    return (int) (h ^ (h >>> 32));
  }
}
