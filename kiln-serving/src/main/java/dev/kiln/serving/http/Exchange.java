package dev.kiln.serving.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request, read whole, and the answer a handler builds for it: what routes see instead
 * of the HTTP library's types.
 */
final class Exchange {
  private final String method;
  private final String uri;
  private final HttpHeaders headers;
  private byte[] body;
  private final String remote;
  private QueryStringDecoder query;
  private Map<String, String> pathParams = Map.of();
  private String path;

  private int status = 200;
  private final HttpHeaders answerHeaders = new DefaultHttpHeaders(false);
  private String answerType = "text/plain; charset=utf-8";
  private byte[] answer = new byte[0];
  private boolean close;

  /**
   * Creates the exchange of a request whose body is not read yet (see {@link #body(byte[])}).
   *
   * @param remote the client's address, for logs
   */
  Exchange(String method, String uri, HttpHeaders headers, String remote) {
    this.method = method;
    this.uri = uri;
    this.headers = headers;
    this.body = new byte[0];
    this.remote = remote;
  }

  /** Returns the method, e.g. {@code POST}. */
  String method() {
    return method;
  }

  /** Returns the path, decoded, without the query. */
  String path() {
    if (path == null) {
      path = query().path();
    }
    return path;
  }

  private QueryStringDecoder query() {
    if (query == null) {
      query = new QueryStringDecoder(uri, StandardCharsets.UTF_8);
    }
    return query;
  }

  /** Returns the first value of a query parameter, or null. */
  String queryParam(String name) {
    List<String> values = query().parameters().get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** Returns the value of a {@code {name}} segment of the matched route. */
  String pathParam(String name) {
    return pathParams.get(name);
  }

  void pathParams(Map<String, String> params) {
    this.pathParams = params;
  }

  /** Returns a request header, or null. */
  String header(String name) {
    return headers.get(name);
  }

  /** Returns the request's {@code Content-Type}, or null. */
  String contentType() {
    return headers.get("Content-Type");
  }

  /** Returns the request body (empty when there is none). */
  byte[] body() {
    return body;
  }

  void body(byte[] whole) {
    this.body = whole;
  }

  /** Returns the client's address. */
  String remote() {
    return remote;
  }

  /** Sets a response header. */
  Exchange header(String name, String value) {
    answerHeaders.set(name, value);
    return this;
  }

  /** Sets the response status. */
  Exchange status(int code) {
    this.status = code;
    return this;
  }

  /** Announces {@code Connection: close}: the connection ends after this answer. */
  void closeAfter() {
    close = true;
  }

  /** Answers with bytes of a content type. */
  void result(String contentType, byte[] bytes) {
    this.answerType = contentType;
    this.answer = bytes;
  }

  /** Answers with plain text. */
  void text(String text) {
    result("text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
  }

  /** Answers with JSON bytes. */
  void jsonBytes(byte[] json) {
    result("application/json", json);
  }

  /** Answers with a value written as JSON (plain maps, lists and scalars). */
  void json(Object value) {
    try {
      jsonBytes(Bodies.JSON.writeValueAsBytes(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("answers are plain maps and lists", e);
    }
  }

  int status() {
    return status;
  }

  HttpHeaders answerHeaders() {
    return answerHeaders;
  }

  String answerType() {
    return answerType;
  }

  byte[] answer() {
    return answer;
  }

  boolean closes() {
    return close;
  }
}
