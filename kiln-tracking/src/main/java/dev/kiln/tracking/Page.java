package dev.kiln.tracking;

import java.util.List;
import java.util.Optional;

/**
 * One page of search results.
 *
 * @param items the results
 * @param nextPageToken the token for the next page, or null on the last page
 * @param <T> the result type
 */
public record Page<T>(List<T> items, String nextPageToken) {
  /** Copies the items. */
  public Page {
    items = List.copyOf(items);
  }

  /** Returns the next page token, empty on the last page. */
  public Optional<String> next() {
    return Optional.ofNullable(nextPageToken);
  }
}
