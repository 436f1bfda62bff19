package dev.kiln.tracking.internal.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.tracking.InvalidParameterException;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** Parses MLflow JSON request bodies. */
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
      if (node != null && !node.isObject() && !node.isMissingNode()) {
        throw new InvalidParameterException("Request body must be a JSON object.",
            "Send the fields as {\"name\": value, ...}.");
      }
      return node == null || node.isMissingNode() ? JSON.createObjectNode() : node;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new InvalidParameterException("Request body is not valid JSON: "
          + e.getOriginalMessage() + ".", "Send a JSON object.");
    }
  }

  /** Reads a {@code [{key, value}]} array; null means none. */
  static Map<String, String> tags(JsonNode array) {
    Map<String, String> out = new LinkedHashMap<>();
    if (array != null) {
      array.forEach(t -> {
        JsonNode key = t.get("key");
        if (key == null || key.asText().isEmpty()) {
          throw new InvalidParameterException("Missing value for required parameter 'key'.",
              "Give every tag and param a key.");
        }
        out.put(key.asText(), t.path("value").asText(""));
      });
    }
    return out;
  }
}
