package dev.kiln.serving;

import java.util.Optional;

/**
 * Extra read-only pages a model server answers under one path prefix, such as the web UI under
 * {@code /ui} (see kiln-ui). Kept free of HTTP-library types so the server's HTTP stack can
 * change without touching the pages.
 */
public interface ServerPages {
  /** Returns the path prefix, e.g. {@code /ui}; requests to it and below reach {@link #get}. */
  String prefix();

  /**
   * Returns whether a path may be fetched without the server's bearer token: static assets that
   * hold no data (the page shell, scripts, styles).
   */
  boolean isPublic(String path);

  /**
   * Answers {@code GET path}.
   *
   * @param path the full request path, starting with {@link #prefix()}
   * @param models the models the server serves now
   * @return the page, or empty for 404
   */
  Optional<Page> get(String path, ModelRepository models);

  /**
   * A response body and its content type.
   *
   * @param contentType e.g. {@code text/html; charset=utf-8}
   * @param body the bytes sent
   */
  record Page(String contentType, byte[] body) {}
}
