package dev.kiln.tracking;

import java.util.List;

/**
 * A search over runs, experiments, models or versions.
 *
 * @param filter MLflow filter grammar subset (comparisons joined by AND); empty matches all
 * @param maxResults page size, 1..50000
 * @param orderBy clauses like {@code metrics.rmse} or {@code params.x DESC}
 * @param pageToken the token of the previous page, or null for the first
 */
public record SearchRequest(String filter, int maxResults, List<String> orderBy, String pageToken) {
  /** The largest page a search returns. */
  public static final int MAX_RESULTS = 50_000;

  /** Validates the page size and copies the order. */
  public SearchRequest {
    filter = filter == null ? "" : filter;
    orderBy = List.copyOf(orderBy);
    if (maxResults < 1 || maxResults > MAX_RESULTS) {
      throw new InvalidParameterException(
          "maxResults " + maxResults + " is out of range.",
          "Use a value from 1 to " + MAX_RESULTS + ".");
    }
  }

  /** Returns a request for the first page of everything matching {@code filter}. */
  public static SearchRequest of(String filter) {
    return new SearchRequest(filter, 1000, List.of(), null);
  }
}
