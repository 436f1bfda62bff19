package dev.kiln.quality.oracle;

import java.util.List;
import java.util.function.Function;

/**
 * Shrinks a failing randomised case to a smallest one that still fails, as property-based
 * testing tools do: repeatedly asks for simpler variants of the current case, checks them in one
 * batch (one oracle call) and moves to the first that still fails, until none does.
 */
public final class Shrinker {
  private Shrinker() {}

  /**
   * Returns the smallest failing case reachable from {@code failing}.
   *
   * @param simpler variants of a case, simplest first (empty when it cannot shrink)
   * @param stillFails for a batch of cases, whether each still fails
   */
  public static <C> C shrink(C failing, Function<C, List<C>> simpler,
      Function<List<C>, boolean[]> stillFails) {
    C current = failing;
    for (int round = 0; round < 200; round++) {
      List<C> candidates = simpler.apply(current);
      if (candidates.isEmpty()) {
        return current;
      }
      boolean[] fails = stillFails.apply(candidates);
      int first = -1;
      for (int i = 0; i < fails.length && first < 0; i++) {
        first = fails[i] ? i : -1;
      }
      if (first < 0) {
        return current;
      }
      current = candidates.get(first);
    }
    return current;
  }

  /**
   * Returns the variants of a sample with one block removed: halves, quarters, ... down to single
   * values, largest removals first (fewer variants for large samples, to keep a batch small).
   */
  public static List<double[]> removals(double[] values) {
    int limit = Math.max(4, Math.min(64, 200_000 / Math.max(1, values.length)));
    List<double[]> out = new java.util.ArrayList<>();
    for (int block = values.length / 2; block >= 1 && out.size() < limit; block /= 2) {
      for (int start = 0; start + block <= values.length && out.size() < limit; start += block) {
        double[] v = new double[values.length - block];
        System.arraycopy(values, 0, v, 0, start);
        System.arraycopy(values, start + block, v, start, values.length - start - block);
        out.add(v);
      }
    }
    return out;
  }
}
