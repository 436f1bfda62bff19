package dev.kiln.serving.http;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

/** Turns an {@link Exchange}'s answer into an HTTP response. */
final class Responses {
  private Responses() {}

  /**
   * Returns the response: the answer's status, headers and body with its length, and
   * {@code Connection: close} when the connection ends after it.
   *
   * @param keepAlive whether the client asked to keep the connection
   */
  static FullHttpResponse of(Exchange ex, HttpVersion version, boolean keepAlive) {
    byte[] body = ex.answer();
    FullHttpResponse response = new DefaultFullHttpResponse(version,
        HttpResponseStatus.valueOf(ex.status()), Unpooled.wrappedBuffer(body),
        ex.answerHeaders(), EmptyHttpHeaders.INSTANCE);
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
