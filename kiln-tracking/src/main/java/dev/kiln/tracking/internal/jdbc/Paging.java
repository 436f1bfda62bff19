package dev.kiln.tracking.internal.jdbc;

import dev.kiln.tracking.InvalidParameterException;
import dev.kiln.tracking.Page;
import dev.kiln.tracking.SearchRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Opaque offset page tokens. */
final class Paging {
  private static final String PREFIX = "kiln-offset:";

  private Paging() {}

  static long offset(SearchRequest request) {
    String token = request.pageToken();
    if (token == null || token.isEmpty()) {
      return 0;
    }
    try {
      String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (!text.startsWith(PREFIX)) {
        throw new IllegalArgumentException(text);
      }
      return Long.parseLong(text.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException("Invalid page token '" + token + "'.",
          "Pass the nextPageToken of the previous page unchanged, or none for the first page.");
    }
  }

  /** Returns the page for rows fetched with LIMIT maxResults + 1 at the request's offset. */
  static <T> Page<T> page(SearchRequest request, List<T> rows) {
    if (rows.size() <= request.maxResults()) {
      return new Page<>(rows, null);
    }
    long next = offset(request) + request.maxResults();
    String token = Base64.getUrlEncoder().withoutPadding()
        .encodeToString((PREFIX + next).getBytes(StandardCharsets.UTF_8));
    return new Page<>(rows.subList(0, request.maxResults()), token);
  }

  /** Returns the LIMIT/OFFSET clause for a request. */
  static String limitClause(SearchRequest request) {
    return " LIMIT " + (request.maxResults() + 1) + " OFFSET " + offset(request);
  }
}
