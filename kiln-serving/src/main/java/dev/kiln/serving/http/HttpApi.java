package dev.kiln.serving.http;

import dev.kiln.serving.ClientError;
import dev.kiln.serving.PredictionService;
import dev.kiln.serving.ServerConfig;
import dev.kiln.serving.ServerPages;
import dev.kiln.serving.ServingMetrics;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's HTTP surface: connectors (plain or TLS), limits, bearer-token auth, every
 * protocol's routes, {@code /metrics}, {@code /openapi.json}, and errors as JSON.
 */
public final class HttpApi {
  private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
  private static final Set<String> OPEN_PATHS = Set.of("/", "/ping", "/health",
      "/v2/health/live", "/v2/health/ready");
  /** Error messages are cut beyond this, whatever they quote. */
  static final int MAX_MESSAGE_CHARS = 1000;

  private final PredictionService service;
  private final ServingMetrics metrics;
  private final ServerConfig config;
  private final String kilnVersion;
  private final Guard guard = new Guard();
  private final byte[] token;
  private ServerPages pages;

  /** Creates the API; {@link #configure} declares it on a Javalin config. */
  public HttpApi(PredictionService service, ServingMetrics metrics, ServerConfig config,
      String kilnVersion) {
    this.service = service;
    this.metrics = metrics;
    this.config = config;
    this.kilnVersion = kilnVersion;
    this.token = config.token() == null ? null
        : ("Bearer " + config.token()).getBytes(StandardCharsets.UTF_8);
  }

  /** Also answers the GET requests under {@code pages.prefix()}, e.g. the web UI. */
  public HttpApi withPages(ServerPages extra) {
    this.pages = extra;
    return this;
  }

  /** Declares connectors, limits, routes and error handling. */
  public void configure(JavalinConfig cfg) {
    cfg.startup.showJavalinBanner = false;
    cfg.startup.showOldJavalinVersionWarning = false;
    cfg.http.maxRequestSize = config.maxBodyBytes();
    cfg.appData(Bodies.MAX_BYTES, config.maxBodyBytes());
    cfg.jetty.threadPool = new QueuedThreadPool(config.threads(), Math.min(8, config.threads()));
    cfg.jetty.host = config.host();
    cfg.jetty.port = config.port();
    if (config.tls() != null) {
      cfg.jetty.addConnector((server, http) -> tlsConnector(server, http));
    }
    if (token != null) {
      cfg.routes.before(this::authenticate);
    }
    new NativeRoutes(service, guard).configure(cfg);
    new OpenInferenceRoutes(service, guard, kilnVersion).configure(cfg);
    new MlflowScoringRoutes(service, guard, kilnVersion).configure(cfg);
    if (pages != null) {
      cfg.routes.get(pages.prefix(), this::page);
      cfg.routes.get(pages.prefix() + "/<path>", this::page);
    }
    cfg.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
        .result(metrics.scrape()));
    cfg.routes.get("/openapi.json", ctx -> Bodies.reply(ctx,
        OpenApiDocument.of(service.models(), kilnVersion)));
    cfg.routes.exception(ClientError.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
    cfg.routes.exception(ClientDisconnected.class, (e, ctx) -> {
      metrics.clientDisconnected();
      LOG.info("{} {} from {}: the client went away mid-request; {}",
          ctx.method(), ctx.path(), ctx.ip(), e.getMessage());
      ctx.header("Connection", "close");
      error(ctx, 400, "The request body ended early: " + e.getMessage() + ".");
    });
    cfg.routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(),
        e.getStatus() == 413 ? "The request body is larger than the limit of "
            + config.maxBodyBytes() + " bytes; send fewer rows per request."
            : e.getStatus() == 404 ? "No endpoint " + ctx.method() + " " + ctx.path()
            + "; see /openapi.json." : e.getMessage()));
    cfg.routes.exception(Exception.class, (e, ctx) -> {
      LOG.error("Request {} {} failed", ctx.method(), ctx.path(), e);
      error(ctx, 500, "Internal error (" + e.getClass().getSimpleName() + "); the server log"
          + " has the details.");
    });
  }

  /** Refuses new predictions and waits for those in flight; see {@link Guard#drain}. */
  public int drain(long timeoutMillis) throws InterruptedException {
    return guard.drain(timeoutMillis);
  }

  private ServerConnector tlsConnector(org.eclipse.jetty.server.Server server,
      HttpConfiguration http) {
    SslContextFactory.Server ssl = new SslContextFactory.Server();
    ssl.setKeyStorePath(config.tls().keyStore().toAbsolutePath().toString());
    ssl.setKeyStorePassword(config.tls().password());
    HttpConfiguration https = new HttpConfiguration(http);
    https.addCustomizer(new SecureRequestCustomizer());
    ServerConnector connector = new ServerConnector(server,
        new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
    connector.setHost(config.host());
    connector.setPort(config.port());
    return connector;
  }

  private void page(Context ctx) {
    ServerPages.Page page = pages.get(ctx.path(), service.models()).orElseThrow(() ->
        ClientError.notFound("No page " + ctx.path() + "."));
    ctx.contentType(page.contentType()).header("X-Content-Type-Options", "nosniff")
        .result(page.body());
  }

  private void authenticate(Context ctx) {
    if (OPEN_PATHS.contains(ctx.path())
        || pages != null && ctx.method().name().equals("GET") && pages.isPublic(ctx.path())) {
      return;
    }
    String header = ctx.header("Authorization");
    if (header == null || !MessageDigest.isEqual(token,
        header.getBytes(StandardCharsets.UTF_8))) {
      ctx.header("WWW-Authenticate", "Bearer");
      throw new ClientError(401, header == null
          ? "Missing 'Authorization: Bearer <token>' header."
          : "The bearer token is not valid.");
    }
  }

  private void error(Context ctx, int status, String message) {
    metrics.httpError(status);
    String bounded = message.length() <= MAX_MESSAGE_CHARS ? message
        : message.substring(0, MAX_MESSAGE_CHARS) + "… (cut; " + message.length()
            + " characters)";
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", bounded);
    if (ctx.path().equals(MlflowScoringRoutes.PATH)) {
      body.put("error_code", mlflowCode(status));
      body.put("message", bounded);
    }
    ctx.status(status);
    Bodies.closeIfBodyUnread(ctx);
    Bodies.reply(ctx, body);
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
