package usedcars;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Gives a share of the rows one defect each, in turn: a negative mileage, a model year after the
 * listing year, a missing price, or the unknown fuel {@code plutonium}. Returns which listings got
 * which defect, so tests can check that validation catches exactly these rows.
 */
final class BadRows {
  /** The defect kinds, in the order they are dealt out. */
  static final List<String> KINDS = List.of("negative_mileage", "future_year", "missing_price",
      "unknown_fuel");

  private BadRows() {}

  /** Injects the defects; returns the listing ids by defect kind. */
  static Map<String, List<Long>> inject(ListingColumns rows, double share,
      int listingYear, long seed) {
    int count = (int) Math.round(rows.rows() * share);
    int[] chosen = choose(rows.rows(), count, new SplittableRandom(seed ^ 0x5DEECE66DL));
    Map<String, List<Long>> injected = new TreeMap<>();
    KINDS.forEach(k -> injected.put(k, new ArrayList<>()));
    SplittableRandom random = new SplittableRandom(seed + 1);
    for (int n = 0; n < chosen.length; n++) {
      int i = chosen[n];
      String kind = KINDS.get(n % KINDS.size());
      switch (kind) {
        case "negative_mileage" -> rows.mileage[i] = -Math.max(10, rows.mileage[i]);
        case "future_year" -> rows.year[i] = listingYear + 1 + random.nextInt(3);
        case "missing_price" -> rows.priceMissing.set(i);
        default -> rows.fuel[i] = "plutonium";
      }
      injected.get(kind).add(rows.id[i]);
    }
    return injected;
  }

  /** A partial Fisher-Yates shuffle: {@code count} distinct row indexes. */
  private static int[] choose(int rows, int count, SplittableRandom random) {
    int[] all = new int[rows];
    for (int i = 0; i < rows; i++) {
      all[i] = i;
    }
    for (int i = 0; i < count; i++) {
      int j = i + random.nextInt(rows - i);
      int t = all[i];
      all[i] = all[j];
      all[j] = t;
    }
    return Arrays.copyOf(all, count);
  }
}
