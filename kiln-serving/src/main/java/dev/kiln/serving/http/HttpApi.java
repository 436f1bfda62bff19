package dev.kiln.serving.http;

import dev.kiln.serving.ClientError;
import dev.kiln.serving.PredictionService;
import dev.kiln.serving.ServerPages;
import dev.kiln.serving.ServingMetrics;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's HTTP surface, free of the transport: every protocol's routes, {@code /metrics},
 * {@code /openapi.json} and extra pages; the checks made before a body is read (bearer token,
 * route, draining, content type); and errors as JSON.
 */
final class HttpApi {
  private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
  private static final Set<String> OPEN_PATHS = Set.of("/", "/ping", "/health",
      "/v2/health/live", "/v2/health/ready");
  /** Error messages are cut beyond this, whatever they quote. */
  static final int MAX_MESSAGE_CHARS = 1000;
  /**
   * Prediction bodies up to this size are answered on the event loop when every model calls
   * inline: a hand-off to a worker costs more than scoring a few rows (about 10 rows of 30
   * fields). System property {@code kiln.serving.inline-body-bytes} changes it (0: never).
   */
  static final int INLINE_BODY_BYTES = Integer.getInteger("kiln.serving.inline-body-bytes",
      8 * 1024);

  private final PredictionService service;
  private final ServingMetrics metrics;
  private final Guard guard = new Guard();
  private final byte[] token;
  private final ServerPages pages;
  private final long maxBodyBytes;
  private final Router router = new Router();

  /** Declares the routes. */
  HttpApi(PredictionService service, ServingMetrics metrics, Settings settings) {
    this.service = service;
    this.metrics = metrics;
    this.token = settings.token() == null ? null
        : ("Bearer " + settings.token()).getBytes(StandardCharsets.UTF_8);
    this.pages = settings.pages();
    this.maxBodyBytes = settings.maxBodyBytes();
    Predicate<Exchange> quick = ex -> ex.body().length <= INLINE_BODY_BYTES
        && service.callsInline();
    new NativeRoutes(service).declare(router, quick);
    new OpenInferenceRoutes(service, guard, settings.kilnVersion()).declare(router, quick);
    new MlflowScoringRoutes(service, settings.kilnVersion()).declare(router, quick);
    if (pages != null) {
      router.getOffLoop(pages.prefix() + "/**", this::page);
    }
    router.getOffLoop("/metrics", ex -> ex.result("text/plain; version=0.0.4; charset=utf-8",
        metrics.scrape().getBytes(StandardCharsets.UTF_8)));
    router.getOffLoop("/openapi.json", ex -> ex.json(OpenApiDocument.of(service.models(),
        settings.kilnVersion())));
  }

  /**
   * What the API needs besides the service.
   *
   * @param token the bearer token required on all but health checks and public pages, or null
   * @param maxBodyBytes the largest request body
   * @param kilnVersion reported by {@code /v2} and {@code /version}
   * @param pages extra pages under their prefix, or null
   */
  record Settings(String token, long maxBodyBytes, String kilnVersion, ServerPages pages) {}

  /** Returns the largest request body accepted. */
  long maxBodyBytes() {
    return maxBodyBytes;
  }

  /**
   * Checks a request before its body is read: the bearer token, the route, draining and the
   * content type.
   *
   * @return the route to answer it
   * @throws ClientError 401, 404, 405, 503 or 415
   */
  Router.Match admit(Exchange ex) {
    authenticate(ex);
    Router.Match match = router.find(ex.method(), ex.path());
    if (match == null) {
      throw unmatched(ex);
    }
    Route route = match.route();
    if (route.predicting() && guard.draining()) {
      throw draining();
    }
    if (!route.accepts().isEmpty()) {
      Bodies.requireContentType(ex.contentType(), route.accepts());
    }
    ex.pathParams(match.params());
    return match;
  }

  /** A 404 for a path no route knows; a 405 naming the allowed methods for a known path. */
  private ClientError unmatched(Exchange ex) {
    Set<String> allowed = router.methodsFor(ex.path());
    if (allowed.isEmpty()) {
      return ClientError.notFound("No endpoint " + ex.method() + " " + ex.path()
          + "; see /openapi.json.");
    }
    String allow = String.join(", ", allowed);
    ex.header("Allow", allow);
    return new ClientError(405, "Method " + ex.method() + " is not allowed on " + ex.path()
        + "; use " + allow + ".");
  }

  /**
   * Answers an admitted request whose body is read; every error becomes its JSON answer. A
   * predicting route is counted in flight: call {@link #finished} once the answer is written.
   */
  void answer(Exchange ex, Route route) {
    try {
      if (route.predicting() && !guard.enter()) {
        throw draining();
      }
      route.handler().handle(ex);
    } catch (ClientError e) {
      error(ex, e.status(), e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("Request {} {} failed", ex.method(), ex.path(), e);
      error(ex, 500, "Internal error (" + e.getClass().getSimpleName() + "); the server log"
          + " has the details.");
    }
  }

  /** Counts an answered request of this route out (see {@link #answer}). */
  void finished(Route route) {
    if (route.predicting()) {
      guard.leave();
    }
  }

  private static ClientError draining() {
    return new ClientError(503, "The server is shutting down; retry on another replica.");
  }

  /** Answers 413 and ends the connection: the rest of the body is never read. */
  void tooLarge(Exchange ex) {
    error(ex, 413, "The request body is larger than the limit of " + maxBodyBytes
        + " bytes; send fewer rows per request.");
    ex.closeAfter();
  }

  /** Logs and counts a client that left before its request body ended. */
  void clientLeft(Exchange ex, ClientDisconnected e) {
    metrics.clientDisconnected();
    LOG.info("{} {} from {}: the client went away mid-request; {}", ex.method(), ex.path(),
        ex.remote(), e.getMessage());
  }

  /** Refuses new predictions and waits for those in flight; see {@link Guard#drain}. */
  int drain(long timeoutMillis) throws InterruptedException {
    return guard.drain(timeoutMillis);
  }

  private void page(Exchange ex) {
    ServerPages.Page page = pages.get(ex.path(), service.models()).orElseThrow(() ->
        ClientError.notFound("No page " + ex.path() + "."));
    ex.header("X-Content-Type-Options", "nosniff").result(page.contentType(), page.body());
  }

  private void authenticate(Exchange ex) {
    if (token == null || OPEN_PATHS.contains(ex.path())
        || pages != null && (ex.method().equals("GET") || ex.method().equals("HEAD"))
            && pages.isPublic(ex.path())) {
      return;
    }
    String header = ex.header("Authorization");
    if (header == null || !MessageDigest.isEqual(token,
        header.getBytes(StandardCharsets.UTF_8))) {
      ex.header("WWW-Authenticate", "Bearer");
      throw new ClientError(401, header == null
          ? "Missing 'Authorization: Bearer <token>' header."
          : "The bearer token is not valid.");
    }
  }

  /** Sets a JSON error answer and counts it; MLflow's path adds its error code. */
  void error(Exchange ex, int status, String message) {
    metrics.httpError(status);
    if (status == 503) {
      ex.closeAfter();
    }
    String bounded = message.length() <= MAX_MESSAGE_CHARS ? message
        : message.substring(0, MAX_MESSAGE_CHARS) + "… (cut; " + message.length()
            + " characters)";
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", bounded);
    if (ex.path().equals(MlflowScoringRoutes.PATH)) {
      body.put("error_code", mlflowCode(status));
      body.put("message", bounded);
    }
    ex.status(status).json(body);
  }

  /** MLflow's error code for an HTTP status, as its scoring server and REST API answer. */
  static String mlflowCode(int status) {
    return switch (status) {
      case 401 -> "UNAUTHENTICATED";
      case 403 -> "PERMISSION_DENIED";
      case 404 -> "RESOURCE_DOES_NOT_EXIST";
      case 429 -> "REQUEST_LIMIT_EXCEEDED";
      case 503 -> "TEMPORARILY_UNAVAILABLE";
      default -> status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST";
    };
  }
}
