package dev.kiln.tracking.internal.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.tracking.InvalidParameterException;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads MLflow request fields from a JSON body (POST) or the query string (GET). */
final class Requests {
  static final ObjectMapper JSON = new ObjectMapper();

  private Requests() {}

  static JsonNode body(Context ctx) {
    String ct = ctx.contentType();
    if (ct == null || !ct.startsWith("application/json")) {
      throw new InvalidParameterException("Content-Type must be application/json.",
          "Send the request body as JSON with Content-Type: application/json.");
    }
    try {
      JsonNode node = JSON.readTree(ctx.body().isEmpty() ? "{}" : ctx.body());
      return node == null ? JSON.createObjectNode() : node;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new InvalidParameterException("Request body is not valid JSON: "
          + e.getOriginalMessage() + ".", "Send a JSON object.");
    }
  }

  static String required(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull() || v.asText().isEmpty()) {
      throw missing(field);
    }
    return v.asText();
  }

  static String requiredQuery(Context ctx, String field) {
    String v = ctx.queryParam(field);
    if (v == null || v.isEmpty()) {
      throw missing(field);
    }
    return v;
  }

  /** Returns {@code run_id}, accepting the deprecated {@code run_uuid}. */
  static String runId(JsonNode body) {
    return body.hasNonNull("run_id") ? required(body, "run_id") : required(body, "run_uuid");
  }

  static Map<String, String> tags(JsonNode array) {
    Map<String, String> out = new LinkedHashMap<>();
    if (array != null) {
      array.forEach(t -> out.put(required(t, "key"), t.path("value").asText("")));
    }
    return out;
  }

  private static InvalidParameterException missing(String field) {
    return new InvalidParameterException("Missing value for required parameter '" + field + "'.",
        "See the MLflow REST API reference for the fields of this endpoint.");
  }
}
