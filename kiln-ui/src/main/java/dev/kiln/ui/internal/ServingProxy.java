package dev.kiln.ui.internal;

import dev.kiln.ui.Workspace;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the model servers the UI follows, by index into the configured list only (the browser
 * never names a URL, so the UI cannot be used to reach other hosts): their models and status
 * ({@code /v1/models/...}) and their Prometheus {@code /metrics}, which the page samples over
 * time. The servers' token stays on this side.
 */
public final class ServingProxy {
  private final Workspace.Servers servers;
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(3)).build();

  /** Follows the configured servers. */
  public ServingProxy(Workspace.Servers servers) {
    this.servers = servers;
  }

  /** Returns the servers with their index and URL. */
  public List<Map<String, Object>> list() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (int i = 0; i < servers.urls().size(); i++) {
      out.add(Map.of("index", i, "url", servers.urls().get(i).toString()));
    }
    return out;
  }

  /** Returns a server's models, each with its status, as JSON text. */
  public Map<String, Object> models(int index) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("url", url(index).toString());
    try {
      var names = Json.MAPPER.readTree(get(index, "/v1/models")).path("models");
      List<Object> models = new ArrayList<>();
      for (var name : names) {
        models.add(Json.MAPPER.readValue(get(index, "/v1/models/" + name.asText()), Map.class));
      }
      out.put("models", models);
      out.put("up", true);
    } catch (IOException e) {
      out.put("up", false);
      out.put("error", e.getMessage());
    }
    return out;
  }

  /** Returns a server's {@code /metrics} text. */
  public String metrics(int index) {
    try {
      return get(index, "/metrics");
    } catch (IOException e) {
      throw UiError.unavailable("Server " + url(index) + " did not answer: " + e.getMessage());
    }
  }

  private String get(int index, String path) throws IOException {
    HttpRequest.Builder request = HttpRequest.newBuilder(url(index).resolve(path))
        .timeout(Duration.ofSeconds(5)).GET();
    if (servers.token() != null) {
      request.header("Authorization", "Bearer " + servers.token());
    }
    try {
      HttpResponse<String> response = http.send(request.build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IOException("HTTP " + response.statusCode() + " for " + path);
      }
      return response.body();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private URI url(int index) {
    if (index < 0 || index >= servers.urls().size()) {
      throw UiError.notFound("No server " + index + "; the UI follows " + servers.urls().size()
          + " server(s).", "start kiln ui with --server URL");
    }
    return servers.urls().get(index);
  }
}
