package dev.kiln.ui.internal;

import dev.kiln.core.KilnException;
import dev.kiln.serving.ClientError;
import dev.kiln.tracking.TrackingException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every UI server shares: the page shell and assets under {@code /ui}, bearer-token checks
 * on data requests, and errors in MLflow's shape ({@code {"error_code", "message"}}) for the
 * UI's endpoints and the MLflow API alike.
 */
public final class Routes {
  /** The path the UI lives under. */
  public static final String BASE = "/ui";
  private static final Logger LOG = LoggerFactory.getLogger(Routes.class);

  private final Assets assets = new Assets();
  private final byte[] token;

  /** Creates the shared routes; {@code token} null means no authentication. */
  public Routes(String token) {
    this.token = token == null ? null : sha256("Bearer " + token);
  }

  /** Returns the assets. */
  public Assets assets() {
    return assets;
  }

  /** Returns whether a path is a static asset (no data, so no token needed). */
  public static boolean isAsset(String path) {
    return path.equals(BASE) || path.equals(BASE + "/") || path.startsWith(BASE + "/assets/");
  }

  /** Declares the shell, the assets and the token check. */
  public void configure(JavalinConfig config) {
    config.routes.get("/", ctx -> ctx.redirect(BASE + "/"));
    config.routes.get(BASE, this::shell);
    config.routes.get(BASE + "/assets/<path>", ctx -> assets.get(ctx.pathParam("path"))
        .ifPresentOrElse(a -> ctx.contentType(a.contentType()).header("Cache-Control",
            "no-cache").result(a.body()), () -> {
              throw UiError.notFound("No asset " + ctx.path() + ".", null);
            }));
    if (token != null) {
      config.routes.before(ctx -> {
        if (!isAsset(ctx.path()) && !ctx.path().equals("/")) {
          check(ctx);
        }
      });
    }
  }

  /** Declares the error handler; call it last, as it replaces those declared before. */
  public void configureErrors(JavalinConfig config) {
    config.routes.exception(Exception.class, Routes::error);
  }

  private void shell(Context ctx) {
    Assets.Asset index = assets.index();
    ctx.contentType(index.contentType()).header("Cache-Control", "no-cache")
        .header("X-Content-Type-Options", "nosniff").result(index.body());
  }

  private void check(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || !MessageDigest.isEqual(token, sha256(header.trim()))) {
      ctx.header("WWW-Authenticate", "Bearer");
      throw new TrackingException("UNAUTHENTICATED", header == null
          ? "Missing 'Authorization: Bearer <token>' header." : "The bearer token is not valid.",
          "enter the token kiln ui was started with", null);
    }
  }

  /** Replies with JSON. */
  public static void reply(Context ctx, Object body) {
    ctx.contentType("application/json").result(Json.bytes(body));
  }

  /** Answers any failure in MLflow's error shape; unexpected ones are logged, never sent. */
  static void error(Exception e, Context ctx) {
    String code;
    int status;
    if (e instanceof UiError u) {
      code = u.code();
      status = u.status();
    } else if (e instanceof TrackingException t) {
      code = t.errorCode();
      status = status(code);
    } else if (e instanceof ClientError c) {
      status = c.status();
      code = status == 404 ? "RESOURCE_DOES_NOT_EXIST" : "INVALID_PARAMETER_VALUE";
    } else if (e instanceof KilnException) {
      code = "INVALID_PARAMETER_VALUE";
      status = 400;
    } else {
      code = "INTERNAL_ERROR";
      status = 500;
      LOG.error("Unexpected error serving {}", ctx.path(), e);
    }
    String message = e instanceof KilnException k && status < 500 ? k.describe()
        : "Internal error; see the kiln ui log.";
    ctx.status(status);
    reply(ctx, Map.of("error_code", code, "message", message));
  }

  private static int status(String code) {
    return switch (code) {
      case "INVALID_PARAMETER_VALUE", "BAD_REQUEST", "RESOURCE_ALREADY_EXISTS" -> 400;
      case "UNAUTHENTICATED" -> 401;
      case "PERMISSION_DENIED" -> 403;
      case "RESOURCE_DOES_NOT_EXIST", "NOT_FOUND", "ENDPOINT_NOT_FOUND" -> 404;
      default -> 500;
    };
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
