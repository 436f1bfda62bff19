package dev.kiln.ui.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The UI's static files, read from the jar: the page shell, ES modules and styles under
 * {@code dev/kiln/ui/assets/}, and uPlot from its WebJar under {@code vendor/}. Nothing is
 * fetched from elsewhere, so the UI works offline.
 */
public final class Assets {
  private static final String ROOT = "dev/kiln/ui/assets/";
  private static final String UPLOT = "META-INF/resources/webjars/uplot/1.6.30/dist/";
  private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
      "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8",
      "svg", "image/svg+xml", "png", "image/png", "json", "application/json");

  private final Map<String, Optional<Asset>> cache = new ConcurrentHashMap<>();

  /**
   * A file and its content type.
   *
   * @param contentType the MIME type
   * @param body the bytes
   */
  public record Asset(String contentType, byte[] body) {}

  /**
   * Returns the asset at a path relative to the UI root ({@code index.html},
   * {@code js/app.js}, {@code vendor/uPlot.iife.min.js}); empty if there is none.
   */
  public Optional<Asset> get(String relative) {
    if (relative.isEmpty() || relative.contains("..") || relative.contains("\\")) {
      return Optional.empty();
    }
    return cache.computeIfAbsent(relative, Assets::load);
  }

  /** Returns the page shell. */
  public Asset index() {
    return get("index.html").orElseThrow(() -> new IllegalStateException(
        "index.html is missing from the kiln-ui jar"));
  }

  private static Optional<Asset> load(String relative) {
    String resource = relative.startsWith("vendor/")
        ? UPLOT + relative.substring("vendor/".length()) : ROOT + relative;
    String ext = relative.substring(relative.lastIndexOf('.') + 1);
    String type = TYPES.get(ext);
    if (type == null) {
      return Optional.empty();
    }
    try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(resource)) {
      return in == null ? Optional.empty() : Optional.of(new Asset(type, in.readAllBytes()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
