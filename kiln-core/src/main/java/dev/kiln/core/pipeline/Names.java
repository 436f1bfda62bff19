package dev.kiln.core.pipeline;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Checks names against the known ones and suggests the closest ("did you mean"). */
public final class Names {
  private Names() {}

  /**
   * Throws when some names are unknown, listing them sorted with suggestions.
   *
   * @throws PipelineException with {@code what} followed by the unknown names
   */
  static void requireKnown(String what, Collection<String> names, Set<String> known) {
    Set<String> unknown = new TreeSet<>(names);
    unknown.removeAll(known);
    if (unknown.isEmpty()) {
      return;
    }
    List<String> hints = unknown.stream()
        .map(u -> closest(u, known).map(c -> "'" + u + "' -> did you mean '" + c + "'?"))
        .flatMap(Optional::stream).toList();
    throw new PipelineException(what + " " + quoted(unknown) + ".",
        hints.isEmpty() ? "known names are " + quoted(known) : String.join("; ", hints));
  }

  /** Returns the known name closest to {@code name} by edit distance, if it is close enough. */
  public static Optional<String> closest(String name, Collection<String> known) {
    return known.stream()
        .min(Comparator.comparingInt((String k) -> distance(name, k)).thenComparing(k -> k))
        .filter(k -> distance(name, k) <= Math.max(2, name.length() / 3));
  }

  /** Formats names as {@code ['a', 'b']}. */
  public static String quoted(Collection<String> names) {
    return names.stream().map(n -> "'" + n + "'").toList().toString();
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
