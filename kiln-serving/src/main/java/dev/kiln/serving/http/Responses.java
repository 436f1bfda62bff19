package dev.kiln.serving.http;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

/** Turns an {@link Exchange}'s answer into an HTTP response. */
final class Responses {
  private Responses() {}

  /**
   * Returns the response: the answer's status, headers and body with its length, gzipped when
   * it is large enough and the client takes gzip ({@link Compression}), and
   * {@code Connection: close} when the connection ends after it. The answer to a {@code HEAD}
   * request has the headers a {@code GET} would get, its {@code Content-Length} included, and
   * no body.
   *
   * @param keepAlive whether the client asked to keep the connection
   */
  static FullHttpResponse of(Exchange ex, HttpVersion version, boolean keepAlive) {
    byte[] body = ex.answer();
    HttpHeaders headers = ex.answerHeaders();
    if (!headers.contains(HttpHeaderNames.CONTENT_ENCODING)
        && Compression.worthIt(ex.answerType(), body.length)) {
      headers.add(HttpHeaderNames.VARY, "Accept-Encoding");
      if (Compression.acceptsGzip(ex.header("Accept-Encoding"))) {
        body = Compression.gzip(body);
        headers.set(HttpHeaderNames.CONTENT_ENCODING, HttpHeaderValues.GZIP);
      }
    }
    boolean head = ex.method().equals("HEAD");
    FullHttpResponse response = new DefaultFullHttpResponse(version,
        HttpResponseStatus.valueOf(ex.status()),
        head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body), headers,
        EmptyHttpHeaders.INSTANCE);
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, ex.answerType())
        .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
    if (ex.closes() || !keepAlive) {
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    } else if (!version.isKeepAliveDefault()) {
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
    }
    return response;
  }
}
