package dev.kiln.lifecycle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Samples read from the Prometheus text format (the lines that are not comments). */
public final class PrometheusSamples {
  /** One sample: metric name, labels and value. */
  public record Sample(String name, Map<String, String> labels, double value) {}

  private final List<Sample> samples;

  private PrometheusSamples(List<Sample> samples) {
    this.samples = samples;
  }

  /**
   * Parses an exposition.
   *
   * @throws LifecycleException naming the first line that is not a sample
   */
  public static PrometheusSamples parse(String text) {
    List<Sample> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      out.add(sample(line));
    }
    return new PrometheusSamples(out);
  }

  private static Sample sample(String line) {
    int brace = line.indexOf('{');
    int space = line.lastIndexOf(' ');
    Map<String, String> labels = new LinkedHashMap<>();
    String name;
    try {
      if (brace >= 0) {
        name = line.substring(0, brace);
        int end = line.lastIndexOf('}');
        readLabels(line.substring(brace + 1, end), labels);
        space = line.indexOf(' ', end);
      } else {
        name = line.substring(0, line.indexOf(' '));
        space = name.length();
      }
      String[] rest = line.substring(space).trim().split("\\s+");
      return new Sample(name, labels, Double.parseDouble(rest[0].replace("+Inf", "Infinity")));
    } catch (RuntimeException e) {
      throw new LifecycleException("Not a Prometheus sample: '" + line + "'.",
          "point --server at a Kiln model server; its /metrics is Prometheus text");
    }
  }

  private static void readLabels(String body, Map<String, String> labels) {
    int i = 0;
    while (i < body.length()) {
      int eq = body.indexOf('=', i);
      String key = body.substring(i, eq).trim();
      StringBuilder value = new StringBuilder();
      int j = eq + 2;
      for (; body.charAt(j) != '"'; j++) {
        char c = body.charAt(j);
        if (c == '\\') {
          char next = body.charAt(++j);
          value.append(next == 'n' ? '\n' : next);
        } else {
          value.append(c);
        }
      }
      labels.put(key, value.toString());
      i = j + 1;
      if (i < body.length() && body.charAt(i) == ',') {
        i++;
      }
    }
  }

  /** Returns the sum of the samples of a metric whose labels pass the filter. */
  public double sum(String name, Predicate<Map<String, String>> labels) {
    return samples.stream().filter(s -> s.name.equals(name) && labels.test(s.labels))
        .mapToDouble(Sample::value).sum();
  }

  /** Returns the samples of a metric. */
  public List<Sample> named(String name) {
    return samples.stream().filter(s -> s.name.equals(name)).toList();
  }
}
