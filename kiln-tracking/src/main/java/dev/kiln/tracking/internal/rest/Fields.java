package dev.kiln.tracking.internal.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.tracking.InvalidParameterException;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fields of one MLflow request: the query string of a GET, the JSON body otherwise. Lists
 * come from repeated query keys ({@code k=a&k=b} or {@code k[]=a}) or JSON arrays.
 */
final class Fields {
  private final Context ctx;
  private final JsonNode body;

  private Fields(Context ctx, JsonNode body) {
    this.ctx = ctx;
    this.body = body;
  }

  /** Reads the request's fields; a non-GET request must have a JSON body. */
  static Fields of(Context ctx) {
    return ctx.method().equals(HandlerType.GET) ? new Fields(ctx, null)
        : new Fields(ctx, Requests.body(ctx));
  }

  /** Reads the fields of one element of a JSON array, such as a metric of a log-batch. */
  static Fields of(JsonNode element) {
    return new Fields(null, element);
  }

  /** Returns the field as text, or null when absent or empty. */
  String optional(String name) {
    String v;
    if (body == null) {
      v = ctx.queryParam(name);
    } else {
      JsonNode node = body.get(name);
      v = node == null || node.isNull() ? null : node.asText();
    }
    return v == null || v.isEmpty() ? null : v;
  }

  String required(String name) {
    String v = optional(name);
    if (v == null) {
      throw new InvalidParameterException("Missing value for required parameter '" + name + "'.",
          "See the MLflow REST API reference for the fields of this endpoint.");
    }
    return v;
  }

  long requiredLong(String name) {
    String v = required(name);
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new InvalidParameterException("Parameter '" + name + "' must be an integer, got '"
          + v + "'.", "Send a whole number such as 1.");
    }
  }

  boolean requiredBoolean(String name) {
    String v = required(name);
    if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
      throw new InvalidParameterException("Parameter '" + name + "' must be true or false, got '"
          + v + "'.", "Send a JSON boolean.");
    }
    return Boolean.parseBoolean(v);
  }

  /** Returns {@code max_results}, or {@code fallback} when absent; above {@code max} is refused. */
  int maxResults(int fallback, int max) {
    String v = optional("max_results");
    int n;
    try {
      n = v == null ? fallback : Integer.parseInt(v);
    } catch (NumberFormatException e) {
      n = -1;
    }
    if (n < 1 || n > max) {
      throw new InvalidParameterException("max_results '" + v + "' is out of range.",
          "Use a value from 1 to " + max + ".");
    }
    return n;
  }

  List<String> list(String name) {
    List<String> out = new ArrayList<>();
    if (body == null) {
      out.addAll(ctx.queryParams(name));
      out.addAll(ctx.queryParams(name + "[]"));
    } else {
      JsonNode node = body.path(name);
      if (node.isArray()) {
        node.forEach(n -> out.add(n.asText()));
      } else if (!node.isMissingNode() && !node.isNull()) {
        out.add(node.asText());
      }
    }
    return out;
  }

  /** Returns a {@code [{key, value}]} array of the body as a map, empty when absent. */
  Map<String, String> keyValues(String name) {
    return body == null ? Map.of() : Requests.tags(body.get(name));
  }

  /** Returns a field of the JSON body as a node (missing for GET). */
  JsonNode node(String name) {
    return body == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance()
        : body.path(name);
  }

  /** Returns {@code run_id}, accepting the deprecated {@code run_uuid}. */
  String runId() {
    return optional("run_id") != null ? required("run_id") : required("run_uuid");
  }
}
