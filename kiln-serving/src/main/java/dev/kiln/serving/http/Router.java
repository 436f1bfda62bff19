package dev.kiln.serving.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/** The routes of the server, matched by method and path in the order they were declared. */
final class Router {
  private static final String REST = "**";
  private static final Predicate<Exchange> ALWAYS = ex -> true;
  private static final Predicate<Exchange> NEVER = ex -> false;

  /** A route matched to a path, with the values of its {@code {name}} segments. */
  record Match(Route route, Map<String, String> params) {}

  private final List<Route> routes = new ArrayList<>();
  private final List<String[]> patterns = new ArrayList<>();

  /** Declares a cheap GET, answered on the event loop. */
  Router get(String pattern, Handler handler) {
    return add(new Route("GET", pattern, handler, List.of(), false, ALWAYS));
  }

  /** Declares a GET whose work may take a while (pages, scrapes), answered on a worker. */
  Router getOffLoop(String pattern, Handler handler) {
    return add(new Route("GET", pattern, handler, List.of(), false, NEVER));
  }

  /**
   * Declares a prediction endpoint.
   *
   * @param accepts content types accepted, the first taken when a request names none
   * @param inline whether a request is small and cheap enough to answer on the event loop
   */
  Router predict(String pattern, List<String> accepts, Predicate<Exchange> inline,
      Handler handler) {
    return add(new Route("POST", pattern, handler, accepts, true, inline));
  }

  private Router add(Route route) {
    routes.add(route);
    patterns.add(segments(route.pattern()));
    return this;
  }

  /**
   * Returns the first route matching, or null; a trailing slash is ignored. {@code HEAD} is
   * answered by the {@code GET} route of the path.
   */
  Match find(String method, String path) {
    if (method.equals("HEAD")) {
      method = "GET";
    }
    String[] parts = segments(path);
    for (int i = 0; i < routes.size(); i++) {
      Route route = routes.get(i);
      if (route.method().equals(method)) {
        Map<String, String> params = match(patterns.get(i), parts);
        if (params != null) {
          return new Match(route, params);
        }
      }
    }
    return null;
  }

  /**
   * Returns the methods of the routes whose pattern matches the path (for a 405's Allow),
   * {@code HEAD} with {@code GET}.
   */
  Set<String> methodsFor(String path) {
    String[] parts = segments(path);
    Set<String> methods = new TreeSet<>();
    for (int i = 0; i < routes.size(); i++) {
      if (match(patterns.get(i), parts) != null) {
        methods.add(routes.get(i).method());
      }
    }
    if (methods.contains("GET")) {
      methods.add("HEAD");
    }
    return methods;
  }

  private static Map<String, String> match(String[] pattern, String[] parts) {
    Map<String, String> params = null;
    for (int i = 0; i < pattern.length; i++) {
      String p = pattern[i];
      if (p.equals(REST) && i == pattern.length - 1) {
        return params == null ? Map.of() : params;
      }
      if (i >= parts.length) {
        return null;
      }
      if (p.startsWith("{") && p.endsWith("}")) {
        if (parts[i].isEmpty()) {
          return null;
        }
        if (params == null) {
          params = new HashMap<>(4);
        }
        params.put(p.substring(1, p.length() - 1), parts[i]);
      } else if (!p.equals(parts[i])) {
        return null;
      }
    }
    return pattern.length != parts.length ? null : params == null ? Map.of() : params;
  }

  /** Splits a path into its segments, ignoring the leading and one trailing slash. */
  private static String[] segments(String path) {
    String p = path.startsWith("/") ? path.substring(1) : path;
    if (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p.isEmpty() ? new String[0] : p.split("/", -1);
  }
}
