package dev.kiln.core.catalog;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Matches dataset names against pattern entries such as {@code "{name}_csv"}. When several
 * patterns match, the most specific wins: the one with the most literal characters, then the
 * fewest placeholders, then alphabetical order.
 */
final class DatasetFactories {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");

  private record Factory(CatalogEntry entry, Pattern regex, List<String> names, int literals) {}

  private final List<Factory> factories;

  DatasetFactories(List<CatalogEntry> patterns) {
    this.factories = patterns.stream().map(DatasetFactories::compile)
        .sorted(Comparator.comparingInt((Factory f) -> -f.literals)
            .thenComparingInt(f -> f.names.size())
            .thenComparing(f -> f.entry.name()))
        .toList();
  }

  private static Factory compile(CatalogEntry entry) {
    Matcher m = PLACEHOLDER.matcher(entry.name());
    StringBuilder regex = new StringBuilder();
    List<String> names = new java.util.ArrayList<>();
    int last = 0;
    int literals = 0;
    while (m.find()) {
      regex.append(Pattern.quote(entry.name().substring(last, m.start()))).append("(.+?)");
      literals += m.start() - last;
      names.add(m.group(1));
      last = m.end();
    }
    regex.append(Pattern.quote(entry.name().substring(last)));
    literals += entry.name().length() - last;
    return new Factory(entry, Pattern.compile(regex.toString()), names, literals);
  }

  /** Returns the entry for a dataset name resolved from the best matching pattern, if any. */
  Optional<CatalogEntry> match(String datasetName) {
    for (Factory f : factories) {
      Matcher m = f.regex.matcher(datasetName);
      if (m.matches()) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < f.names.size(); i++) {
          values.put(f.names.get(i), m.group(i + 1));
        }
        return Optional.of(f.entry.resolved(datasetName, values));
      }
    }
    return Optional.empty();
  }
}
