package dev.kiln.serving.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.kiln.serving.ClientError;
import io.javalin.config.Key;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reading request bodies and headers, and writing JSON answers. */
final class Bodies {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Bodies.class);
  /**
   * Reads NaN and Infinity so they can be refused with a message naming the field; refuses a
   * field given twice in one object.
   */
  static final ObjectMapper JSON = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY).build();
  /** The largest request body, in bytes (declared on the Javalin config). */
  static final Key<Long> MAX_BYTES = new Key<>("kiln-max-body-bytes");
  private static final String DUPLICATE = "Duplicate field '";
  private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  private Bodies() {}

  /**
   * Parses a JSON request body.
   *
   * @throws ClientError 415 for another content type, 413 for a body over the limit, 400 for an
   *     empty or malformed body, or a field given twice in one object
   */
  static JsonNode json(Context ctx) {
    requireContentType(ctx, "application/json");
    return json(bytes(ctx));
  }

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

  /**
   * Reads the request body, refusing a declared {@code Content-Length} over the limit before
   * reading anything, and a body that grows over it while read.
   *
   * @throws ClientError 413 for a body over the limit
   * @throws ClientDisconnected if the client stops sending before the body ends
   */
  static byte[] bytes(Context ctx) {
    long limit = ctx.appData(MAX_BYTES);
    long declared = ctx.req().getContentLengthLong();
    if (declared > limit) {
      throw tooLarge(ctx, limit);
    }
    if (declared >= 0) {
      return declaredBytes(ctx, (int) declared);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    byte[] buffer = new byte[8192];
    try (InputStream in = ctx.bodyInputStream()) {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        if (out.size() + (long) n > limit) {
          throw tooLarge(ctx, limit);
        }
        out.write(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new ClientDisconnected(out.size(), declared, e);
    }
    return out.toByteArray();
  }

  /** Reads a body of a declared length (within the limit) into one array of that size. */
  private static byte[] declaredBytes(Context ctx, int declared) {
    byte[] body = new byte[declared];
    int at = 0;
    try (InputStream in = ctx.bodyInputStream()) {
      for (int n; at < declared && (n = in.read(body, at, declared - at)) >= 0; ) {
        at += n;
      }
      in.read(); // reads the end, so the request counts as finished (the connection is reused)
    } catch (IOException e) {
      throw new ClientDisconnected(at, declared, e);
    }
    return at == declared ? body : java.util.Arrays.copyOf(body, at);
  }

  /**
   * Announces {@code Connection: close} when an answer leaves the request body unread (a 401,
   * 415 or 404 answered before it): the server will not reuse that connection, so a client must
   * not either.
   */
  static void closeIfBodyUnread(Context ctx) {
    boolean finished;
    try {
      finished = ctx.req().getInputStream().isFinished();
    } catch (IOException | IllegalStateException e) {
      finished = false;
    }
    if (!finished) {
      ctx.header("Connection", "close");
    }
  }

  private static ClientError tooLarge(Context ctx, long limit) {
    // The rest of the body is never read: close the connection rather than drain it.
    ctx.header("Connection", "close");
    return new ClientError(413, "The request body is larger than the limit of " + limit
        + " bytes; send fewer rows per request.");
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
  static String requestId(Context ctx, String fromBody) {
    String id = fromBody != null ? fromBody : ctx.header("X-Request-Id");
    return id != null && REQUEST_ID.matcher(id).matches() ? id : RequestIds.next();
  }

  /**
   * Answers 200 with JSON bytes written straight to the response (Javalin would copy them
   * through its compressing stream); a client that accepts a compressed answer gets Javalin's
   * path. A client gone before the answer is written is not an error of the server.
   */
  static void replyBytes(Context ctx, byte[] json) {
    String encodings = ctx.header("Accept-Encoding");
    if (encodings != null && !encodings.isBlank()) {
      ctx.contentType("application/json").result(json);
      return;
    }
    HttpServletResponse response = ctx.res();
    response.setContentType("application/json");
    response.setContentLength(json.length);
    try {
      response.getOutputStream().write(json);
    } catch (IOException e) {
      LOG.debug("{} {}: the client went away before the answer: {}", ctx.method(), ctx.path(),
          e.getMessage());
    }
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
