package dev.kiln.serving.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.kiln.serving.ClientError;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/** Reading request bodies and headers, and writing JSON answers. */
final class Bodies {
  /** Reads NaN and Infinity so they can be refused with a message naming the field. */
  static final ObjectMapper JSON = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
  private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  private Bodies() {}

  /**
   * Parses a JSON request body.
   *
   * @throws ClientError 415 for another content type, 400 for an empty or malformed body
   */
  static JsonNode json(Context ctx) {
    requireContentType(ctx, "application/json");
    byte[] body = ctx.bodyAsBytes();
    if (body.length == 0) {
      throw ClientError.badRequest("The request body is empty; send a JSON object.");
    }
    try {
      JsonNode node = JSON.readTree(body);
      if (node == null || !node.isObject()) {
        throw ClientError.badRequest("The request body must be a JSON object, got "
            + (node == null ? "nothing" : node.getNodeType().toString().toLowerCase(Locale.ROOT))
            + ".");
      }
      return node;
    } catch (JsonProcessingException e) {
      var at = e.getLocation();
      throw ClientError.badRequest("The request body is not valid JSON"
          + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
          + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw ClientError.badRequest("Cannot read the request body: " + e.getMessage());
    }
  }

  /**
   * Checks the content type; a request without one is taken as the expected type.
   *
   * @throws ClientError 415 naming the types accepted
   */
  static String requireContentType(Context ctx, String... accepted) {
    String header = ctx.contentType();
    if (header == null || header.isBlank()) {
      return accepted[0];
    }
    String[] parts = header.split(";");
    String type = parts[0].trim().toLowerCase(Locale.ROOT);
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].trim().toLowerCase(Locale.ROOT);
      if (p.startsWith("charset=") && !p.equals("charset=utf-8") && !p.equals("charset=\"utf-8\"")) {
        throw new ClientError(415, "Charset '" + p.substring(8) + "' is not supported; send"
            + " UTF-8.");
      }
    }
    for (String a : accepted) {
      if (a.equals(type)) {
        return type;
      }
    }
    throw new ClientError(415, "Content-Type '" + header + "' is not supported here; send "
        + String.join(" or ", accepted) + ".");
  }

  /** Returns the client's {@code X-Request-Id} if it is a sane token, else a new UUID. */
  static String requestId(Context ctx, String fromBody) {
    String id = fromBody != null ? fromBody : ctx.header("X-Request-Id");
    return id != null && REQUEST_ID.matcher(id).matches() ? id : UUID.randomUUID().toString();
  }

  /** Answers 200 with a JSON value. */
  static void reply(Context ctx, Object value) {
    try {
      ctx.contentType("application/json").result(JSON.writeValueAsBytes(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("answers are plain maps and lists", e);
    }
  }
}
