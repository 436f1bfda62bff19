package dev.kiln.cli;

import dev.kiln.core.KilnException;
import dev.kiln.lifecycle.PrometheusSamples;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Reads a model server's {@code /metrics}. */
final class MetricsScraper {
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final URI uri;
  private final String token;

  /** Scrapes {@code server}/metrics, with a bearer token if not null. */
  MetricsScraper(String server, String token) {
    this.uri = URI.create(server.replaceAll("/+$", "") + "/metrics");
    this.token = token;
  }

  PrometheusSamples scrape() throws InterruptedException {
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
