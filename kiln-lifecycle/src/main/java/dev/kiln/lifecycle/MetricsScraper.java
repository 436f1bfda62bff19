package dev.kiln.lifecycle;

import dev.kiln.core.KilnException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Reads a model server's {@code /metrics} over HTTP (never through kiln-serving's code). */
public final class MetricsScraper {
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final URI uri;
  private final String token;

  /**
   * Creates a scraper of {@code server}/metrics.
   *
   * @param server the server's base URL, e.g. {@code http://localhost:8080}
   * @param token the bearer token of a protected server, or null
   */
  public MetricsScraper(String server, String token) {
    this.uri = URI.create(server.replaceAll("/+$", "") + "/metrics");
    this.token = token;
  }

  /**
   * Reads the metrics once.
   *
   * @throws dev.kiln.core.KilnException if the server cannot be reached or does not answer 200
   * @throws InterruptedException if interrupted while waiting for the answer
   */
  public PrometheusSamples scrape() throws InterruptedException {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
      if (token != null) {
        request.header("Authorization", "Bearer " + token);
      }
      HttpResponse<String> r = http.send(request.GET().build(),
          HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new KilnException("GET " + uri + " answered " + r.statusCode() + ".",
            r.statusCode() == 401 ? "pass the server's token with --token-env" : "check --server");
      }
      return PrometheusSamples.parse(r.body());
    } catch (IOException e) {
      throw new KilnException("Cannot reach " + uri + ": " + e.getMessage(),
          "check that the model server runs and --server is its URL");
    }
  }
}
