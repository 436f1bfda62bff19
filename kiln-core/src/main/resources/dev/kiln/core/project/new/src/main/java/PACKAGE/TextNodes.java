package {{package}};

import dev.kiln.core.pipeline.Metrics;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The node functions: plain Java, no Kiln types needed except the values. */
public final class TextNodes {
  private TextNodes() {}

  /** Splits text into lower-case words of at least minLength letters. */
  public static String[] tokenize(String text, Integer minLength) {
    return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+"))
        .filter(w -> w.length() >= minLength).toArray(String[]::new);
  }

  /** Counts each word. */
  public static WordCounts count(String[] words) {
    Map<String, Integer> counts = new TreeMap<>();
    for (String w : words) {
      counts.merge(w, 1, Integer::sum);
    }
    return new WordCounts(counts);
  }

  /** Reports the number of words, distinct words and the counts of the most frequent ones. */
  public static Metrics summarize(WordCounts counts, Integer topN) {
    Map<String, Double> values = new LinkedHashMap<>();
    values.put("total_words", (double) counts.counts().values().stream().mapToInt(i -> i).sum());
    values.put("distinct_words", (double) counts.counts().size());
    counts.counts().entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
            .thenComparing(Map.Entry.comparingByKey()))
        .limit(topN).forEach(e -> values.put("count." + e.getKey(), (double) e.getValue()));
    return Metrics.of(values);
  }
}
