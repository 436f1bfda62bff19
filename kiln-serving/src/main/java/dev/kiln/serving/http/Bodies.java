package dev.kiln.serving.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.kiln.serving.ClientError;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reading request bodies and headers: JSON, content types, request ids. */
final class Bodies {
  /**
   * Reads NaN and Infinity so they can be refused with a message naming the field; refuses a
   * field given twice in one object; writes doubles in their shortest form.
   */
  static final ObjectMapper JSON = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      // Correctly rounded like Double.parseDouble (the same bits), several times faster.
      .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
      // Answers: the shortest digits that read back to the same double (Schubfach), several
      // times faster than Java 17's Double.toString, which is not always the shortest.
      .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY).build();
  private static final String DUPLICATE = "Duplicate field '";
  private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  private Bodies() {}

  /**
   * Parses a JSON request body already read.
   *
   * @throws ClientError 400 for an empty or malformed body, or a field given twice in one object
   */
  static JsonNode json(byte[] body) {
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
      String line = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr()
          + ")";
      if (e.getOriginalMessage().startsWith(DUPLICATE)
          && e.getProcessor() instanceof JsonParser parser) {
        // A repeated field whose value is an array or object is caught as that value starts.
        JsonStreamContext object = parser.currentToken() != null
            && parser.currentToken().isStructStart() ? parser.getParsingContext().getParent()
            : parser.getParsingContext();
        throw ClientError.badRequest("Field " + ClientError.quote(object.getCurrentName())
            + " is given twice in " + where(object.getParent()) + line
            + "; send each field once.");
      }
      throw ClientError.badRequest("The request body is not valid JSON" + line + ": "
          + e.getOriginalMessage());
    } catch (IOException e) {
      throw ClientError.badRequest("Cannot read the request body: " + e.getMessage());
    }
  }

  /** Names the place of a JSON object by its parent context: instances[3], or the body. */
  private static String where(JsonStreamContext parent) {
    StringBuilder path = new StringBuilder();
    for (JsonStreamContext c = parent; c != null && !c.inRoot(); c = c.getParent()) {
      path.insert(0, c.inArray() ? "[" + c.getCurrentIndex() + "]"
          : (c.getParent() != null && c.getParent().inRoot() ? "" : ".") + c.getCurrentName());
    }
    return path.length() == 0 ? "the request body" : ClientError.quote(path.toString());
  }

  /**
   * Checks the content type; a request without one is taken as the expected type.
   *
   * @throws ClientError 415 naming the types accepted
   */
  static String requireContentType(Exchange ex, String... accepted) {
    return requireContentType(ex.contentType(), java.util.List.of(accepted));
  }

  /**
   * Checks a {@code Content-Type} header; none is taken as the first type accepted.
   *
   * @throws ClientError 415 naming the types accepted
   */
  static String requireContentType(String header, java.util.List<String> accepted) {
    if (header == null || header.isBlank()) {
      return accepted.get(0);
    }
    String[] parts = header.split(";");
    String type = parts[0].trim().toLowerCase(Locale.ROOT);
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].trim().toLowerCase(Locale.ROOT);
      if (p.startsWith("charset=") && !p.equals("charset=utf-8") && !p.equals("charset=\"utf-8\"")) {
        throw new ClientError(415, "Charset " + ClientError.quote(p.substring(8))
            + " is not supported; send UTF-8.");
      }
    }
    for (String a : accepted) {
      if (a.equals(type)) {
        return type;
      }
    }
    throw new ClientError(415, "Content-Type " + ClientError.quote(header)
        + " is not supported here; send "
        + String.join(" or ", accepted) + ".");
  }

  /** Returns the client's {@code X-Request-Id} if it is a sane token, else a new UUID. */
  static String requestId(Exchange ex, String fromBody) {
    String id = fromBody != null ? fromBody : ex.header("X-Request-Id");
    return id != null && REQUEST_ID.matcher(id).matches() ? id : RequestIds.next();
  }
}
