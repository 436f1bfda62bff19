package dev.kiln.serving.http;

import dev.kiln.serving.ClientError;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's requests: reads each body whole within the size limit, refuses what the
 * {@link HttpApi} refuses before a body is read, and answers requests strictly in the order they
 * arrived (pipelining-safe), small ones on the event loop and the rest on a worker.
 */
final class RequestReader extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(RequestReader.class);
  /** Past this many requests waiting on one connection, reading pauses until they are answered. */
  private static final int MAX_QUEUED = 16;

  private final HttpApi api;
  private final Executor workers;
  private final ArrayDeque<Answer> queue = new ArrayDeque<>();
  private ChannelHandlerContext ctx;
  private boolean busy;

  // the request whose body is being read
  private Answer reading;
  private byte[] body;
  private int length;
  private long declared;

  // the rest of a refused request's body, read and thrown away so the answer is not reset
  private boolean discarding;
  private long discardBudget;
  private boolean closeWhenDiscarded;

  RequestReader(HttpApi api, Executor workers) {
    this.api = api;
    this.workers = workers;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext context) {
    this.ctx = context;
  }

  @Override
  public void channelRead(ChannelHandlerContext context, Object msg) {
    try {
      if (msg instanceof HttpRequest head) {
        head(head);
      }
      if (msg instanceof HttpContent content) {
        content(content);
      }
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }

  private void head(HttpRequest head) {
    Exchange ex = new Exchange(head.method().name(), head.uri(), head.headers(),
        String.valueOf(ctx.channel().remoteAddress()));
    Answer answer = new Answer(ex, null, head.protocolVersion(), HttpUtil.isKeepAlive(head));
    boolean hasBody = HttpUtil.isTransferEncodingChunked(head);
    try {
      if (head.decoderResult().isFailure()) {
        Throwable cause = head.decoderResult().cause();
        throw new ClientError(cause instanceof TooLongFrameException ? 431 : 400,
            "The request cannot be read: " + cause.getMessage());
      }
      declared = HttpUtil.getContentLength(head, -1L);
      hasBody |= declared > 0;
      if (declared > api.maxBodyBytes()) {
        api.tooLarge(ex);
        refuse(answer, 0);
        return;
      }
      Router.Match match = api.admit(ex);
      answer = new Answer(ex, match.route(), answer.version(), answer.keepAlive());
    } catch (ClientError e) {
      api.error(ex, e.status(), e.getMessage());
      if (hasBody || e.status() == 400 || e.status() == 431) {
        ex.closeAfter();
      }
      refuse(answer, api.maxBodyBytes());
      return;
    } catch (NumberFormatException e) {
      api.error(ex, 400, "The Content-Length header is not a number.");
      ex.closeAfter();
      refuse(answer, 0);
      return;
    }
    if (HttpUtil.is100ContinueExpected(head)) {
      ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
          HttpResponseStatus.CONTINUE, Unpooled.EMPTY_BUFFER));
    }
    reading = answer;
    body = new byte[declared >= 0 ? (int) declared : 1024];
    length = 0;
  }

  /** Queues an answer set before the body was read, and throws away up to budget bytes of it. */
  private void refuse(Answer answer, long budget) {
    discarding = true;
    discardBudget = budget;
    enqueue(answer.withoutRoute());
  }

  private void content(HttpContent content) {
    ByteBuf bytes = content.content();
    boolean last = content instanceof LastHttpContent;
    if (discarding) {
      discardBudget -= bytes.readableBytes();
      if (last || discardBudget < 0) {
        discarding = false;
        if (closeWhenDiscarded || discardBudget < 0) {
          ctx.close();
        }
      }
      return;
    }
    if (reading == null) {
      return;
    }
    int n = bytes.readableBytes();
    if (length + (long) n > api.maxBodyBytes()) {
      api.tooLarge(reading.exchange());
      Answer refused = reading;
      reading = null;
      refuse(refused, 0);
      return;
    }
    if (length + n > body.length) {
      body = Arrays.copyOf(body, (int) Math.min(api.maxBodyBytes(),
          Math.max(length + (long) n, body.length * 2L)));
    }
    bytes.readBytes(body, length, n);
    length += n;
    if (last) {
      reading.exchange().body(length == body.length ? body : Arrays.copyOf(body, length));
      Answer ready = reading;
      reading = null;
      body = null;
      enqueue(ready);
    }
  }

  private void enqueue(Answer answer) {
    queue.add(answer);
    if (queue.size() > MAX_QUEUED) {
      ctx.channel().config().setAutoRead(false);
    }
    if (!busy) {
      next();
    }
  }

  /** Answers the next queued request, if any; runs on the event loop. */
  private void next() {
    Answer next = queue.poll();
    if (next == null) {
      busy = false;
      ctx.channel().config().setAutoRead(true);
      return;
    }
    busy = true;
    if (next.route() == null || next.route().inline().test(next.exchange())) {
      answer(next);
      return;
    }
    try {
      workers.execute(() -> answer(next));
    } catch (RejectedExecutionException e) {
      api.error(next.exchange(), 503, "The server is overloaded; retry later.");
      write(next.withoutRoute());
    }
  }

  private void answer(Answer answer) {
    if (answer.route() != null) {
      api.answer(answer.exchange(), answer.route());
    }
    write(answer);
  }

  /** Writes an answer (from any thread); once written, the next request is answered. */
  private void write(Answer answer) {
    ChannelFuture written = ctx.writeAndFlush(Responses.of(answer.exchange(), answer.version(),
        answer.keepAlive()));
    written.addListener(f -> {
      if (answer.route() != null) {
        api.finished(answer.route());
      }
      if (!f.isSuccess()) {
        ctx.close();
      } else if (answer.exchange().closes() || !answer.keepAlive()) {
        if (discarding && discardBudget > 0) {
          closeWhenDiscarded = true;
        } else {
          ctx.close();
        }
      } else {
        next();
      }
    });
  }

  @Override
  public void channelInactive(ChannelHandlerContext context) {
    if (reading != null) {
      api.clientLeft(reading.exchange(), new ClientDisconnected(length, declared,
          new ClosedChannelException()));
      reading = null;
    }
    queue.clear();
    context.fireChannelInactive();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext context, Object event) {
    if (event instanceof IdleStateEvent) {
      if (!busy) {
        context.close();
      }
      return;
    }
    context.fireUserEventTriggered(event);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
    // A reset connection or a failed TLS handshake ends the connection, not the server.
    LOG.debug("Closing the connection from {}: {}", context.channel().remoteAddress(),
        cause.toString());
    context.close();
  }

  /**
   * A request to answer, in arrival order.
   *
   * @param route the route to run, or null when the answer is already set (a refusal)
   */
  private record Answer(Exchange exchange, Route route, HttpVersion version,
      boolean keepAlive) {
    Answer withoutRoute() {
      return new Answer(exchange, null, version, keepAlive);
    }
  }
}
