package dev.kiln.lifecycle.monitor;

import dev.kiln.core.KilnException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Posts a monitoring summary as JSON to a webhook (Slack-style incoming hooks, alert routers). */
public final class WebhookAlert {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private WebhookAlert() {}

  /**
   * Posts the JSON body and waits for the answer.
   *
   * @throws KilnException if the URL is not http(s), the request fails or the answer is not 2xx
   */
  public static void post(String url, String json) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      uri = null;
    }
    if (uri == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
      throw new KilnException("Webhook URL '" + url + "' is not an http(s) URL.",
          "e.g. --webhook https://hooks.example.com/kiln");
    }
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    try {
      HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(TIMEOUT).build()
          .send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new KilnException("Webhook '" + url + "' answered " + response.statusCode() + ".",
            "check the URL and the receiver's logs");
      }
    } catch (IOException e) {
      throw new KilnException("Cannot reach webhook '" + url + "': " + e.getMessage(),
          "check the URL and the network", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KilnException("Interrupted while posting to webhook '" + url + "'.", null, e);
    }
  }
}
