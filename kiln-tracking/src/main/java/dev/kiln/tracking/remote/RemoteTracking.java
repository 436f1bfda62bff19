package dev.kiln.tracking.remote;

import dev.kiln.tracking.InvalidParameterException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

/**
 * A tracking server reached over MLflow's REST API ({@code kiln tracking serve}, or MLflow's own
 * server) and how to sign in to it. Credentials come from the environment only and are never
 * printed: {@link #toString()} masks them.
 *
 * @param uri the server's base URI, e.g. {@code http://tracking:5000}
 * @param token a bearer token, or null
 * @param username a user for HTTP basic authentication, or null
 * @param password that user's password, or null
 */
public record RemoteTracking(URI uri, String token, String username, String password) {
  /** The environment variable Kiln reads the server's URI from first. */
  public static final String URI_ENV = "KILN_TRACKING_URI";
  /** MLflow's variable for the server's URI, read when {@value #URI_ENV} is unset. */
  public static final String MLFLOW_URI_ENV = "MLFLOW_TRACKING_URI";
  /** MLflow's variable for a bearer token (what {@code kiln tracking serve} checks). */
  public static final String TOKEN_ENV = "MLFLOW_TRACKING_TOKEN";
  /** MLflow's variable for a basic-authentication user. */
  public static final String USERNAME_ENV = "MLFLOW_TRACKING_USERNAME";
  /** MLflow's variable for that user's password. */
  public static final String PASSWORD_ENV = "MLFLOW_TRACKING_PASSWORD";

  /**
   * Checks the URI is an HTTP(S) server and that user and password come together.
   *
   * @throws InvalidParameterException naming the rule when one is broken
   */
  public RemoteTracking {
    if (uri == null || uri.getHost() == null
        || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
      throw new InvalidParameterException("Tracking server URI '" + uri + "' is not an http://"
          + " or https:// address with a host.", "e.g. " + URI_ENV + "=http://tracking:5000");
    }
    if ((username == null) != (password == null)) {
      throw new InvalidParameterException(USERNAME_ENV + " and " + PASSWORD_ENV + " must be set"
          + " together.", "set both, or neither (a token goes in " + TOKEN_ENV + ")");
    }
  }

  /**
   * Reads the server's URI and credentials from the environment.
   *
   * @param env the environment, e.g. {@code System.getenv()}
   * @param uri the URI given on the command line, or null to read {@value #URI_ENV}, then
   *     {@value #MLFLOW_URI_ENV}
   * @throws InvalidParameterException if no URI is given or set, or it is not HTTP(S)
   */
  public static RemoteTracking fromEnvironment(Map<String, String> env, String uri) {
    String text = uri != null ? uri : env.getOrDefault(URI_ENV, env.get(MLFLOW_URI_ENV));
    if (text == null || text.isBlank()) {
      throw new InvalidParameterException("No tracking server to fetch the model from: "
          + URI_ENV + " and " + MLFLOW_URI_ENV + " are not set.", "export " + URI_ENV
          + "=http://HOST:5000 (the address of 'kiln tracking serve')");
    }
    try {
      return new RemoteTracking(new URI(text.strip().replaceAll("/+$", "")), blank(env, TOKEN_ENV),
          blank(env, USERNAME_ENV), blank(env, PASSWORD_ENV));
    } catch (URISyntaxException e) {
      throw new InvalidParameterException("Tracking server URI '" + text + "' is not a URI: "
          + e.getReason() + ".", "e.g. http://tracking:5000");
    }
  }

  private static String blank(Map<String, String> env, String key) {
    String value = env.get(key);
    return value == null || value.isBlank() ? null : value;
  }

  /** Describes the server without its credentials. */
  @Override
  public String toString() {
    return "RemoteTracking[uri=" + uri + ", token=" + (token == null ? "none" : "***")
        + ", username=" + username + ", password=" + (password == null ? "none" : "***") + "]";
  }
}
