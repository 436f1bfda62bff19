package dev.kiln.tracking.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.tracking.ResourceNotFoundException;
import dev.kiln.tracking.TrackingException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * GET requests to a tracking server, signed in, retried while the server cannot be reached (it
 * may be starting beside the container), and its refusals turned into Kiln errors that never
 * contain the credentials.
 */
final class RestCalls {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RemoteTracking server;
  private final Duration wait;
  private final HttpClient http;

  RestCalls(RemoteTracking server, Duration wait) {
    this.server = server;
    this.wait = wait;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** GETs {@code path} with query parameters and returns the JSON answer. */
  JsonNode json(String path, Map<String, String> query) {
    try (InputStream in = open(path, query)) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new TrackingException("INTERNAL_ERROR", "Tracking server '" + server.uri()
          + "' sent an answer to " + path + " that is not JSON: " + e.getMessage(),
          "check " + RemoteTracking.URI_ENV + " names a Kiln or MLflow tracking server", e);
    }
  }

  /** GETs {@code path} and returns the body; the caller closes it. */
  InputStream open(String path, Map<String, String> query) {
    HttpRequest request = request(path, query);
    long deadline = System.nanoTime() + wait.toNanos();
    for (long pause = 250; ; pause = Math.min(pause * 2, 4_000)) {
      try {
        HttpResponse<InputStream> response = http.send(request,
            HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() / 100 == 2) {
          return response.body();
        }
        try (InputStream body = response.body()) {
          throw refused(path, response.statusCode(), body.readAllBytes());
        }
      } catch (ConnectException | HttpConnectTimeoutException e) {
        if (System.nanoTime() + pause * 1_000_000 > deadline) {
          throw unreachable(e);
        }
        sleep(pause);
      } catch (IOException e) {
        throw unreachable(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw unreachable(e);
      }
    }
  }

  private HttpRequest request(String path, Map<String, String> query) {
    String q = query.entrySet().stream().map(e -> e.getKey() + "="
        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.uri() + path
        + (q.isEmpty() ? "" : "?" + q))).timeout(Duration.ofMinutes(5)).GET();
    if (server.token() != null) {
      b.header("Authorization", "Bearer " + server.token());
    } else if (server.username() != null) {
      b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
          (server.username() + ":" + server.password()).getBytes(StandardCharsets.UTF_8)));
    }
    return b.build();
  }

  private TrackingException unreachable(Exception e) {
    String why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    return new TrackingException("TEMPORARILY_UNAVAILABLE", "Tracking server '" + server.uri()
        + "' cannot be reached" + (wait.isZero() ? "" : " (tried for " + wait.toSeconds()
        + " s)") + ": " + why + ".", "check that it runs (kiln tracking serve --host 0.0.0.0),"
        + " that " + RemoteTracking.URI_ENV + " names it, and that this machine or container"
        + " can reach it", e);
  }

  private TrackingException refused(String path, int status, byte[] body) {
    String code = "HTTP_" + status;
    String message = new String(body, StandardCharsets.UTF_8).strip();
    try {
      JsonNode error = JSON.readTree(body);
      code = error.path("error_code").asText(code);
      message = error.path("message").asText(message);
    } catch (IOException e) {
      // not MLflow's error shape: keep the status and the text
    }
    String what = "Tracking server '" + server.uri() + "' answered " + status + " " + code
        + " to " + path + ": " + message;
    if (status == 401 || status == 403) {
      return new TrackingException(code, what, "set " + RemoteTracking.TOKEN_ENV + " to the"
          + " server's token (or " + RemoteTracking.USERNAME_ENV + " and "
          + RemoteTracking.PASSWORD_ENV + ")", null);
    }
    if (status == 404 && code.startsWith("RESOURCE")) {
      return new ResourceNotFoundException(message, "list the registered models on that server"
          + " (kiln models list --project ... where it runs, or its UI)");
    }
    return new TrackingException(code, what, null, null);
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
