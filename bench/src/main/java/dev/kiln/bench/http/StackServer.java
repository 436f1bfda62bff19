package dev.kiln.bench.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.javalin.Javalin;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * One HTTP stack of the serving benchmark's stack comparison, serving {@code POST /hello} (a
 * constant JSON body) and {@code POST /predict} (the {@link PredictHandler} on the fraud
 * bundle). Usage: {@code StackServer javalin|netty|jdk PORT BUNDLE}.
 */
public final class StackServer {
  private static final byte[] HELLO = "{\"hello\":\"world\"}".getBytes(StandardCharsets.UTF_8);

  /** An answer: a status and a JSON body. */
  private record Reply(int status, byte[] body) {}

  private StackServer() {}

  /** Starts the named stack on loopback and runs until killed. */
  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[1]);
    PredictHandler predict = new PredictHandler(Path.of(args[2]));
    switch (args[0]) {
      case "javalin" -> javalin(port, predict);
      case "netty" -> netty(port, predict);
      case "jdk" -> jdk(port, predict);
      default -> throw new IllegalArgumentException("stack must be javalin, netty or jdk");
    }
  }

  /** Kiln's current stack, configured as {@code kiln serve} configures it. */
  private static void javalin(int port, PredictHandler predict) {
    Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.jetty.threadPool = new QueuedThreadPool(200, 8);
      config.jetty.host = "127.0.0.1";
      config.jetty.port = port;
      config.routes.post("/hello", ctx -> ctx.contentType("application/json").result(HELLO));
      config.routes.post("/predict", ctx -> {
        Reply reply = predict(predict, ctx.bodyAsBytes());
        ctx.status(reply.status()).contentType("application/json").result(reply.body());
      });
    }).start();
  }

  /** Raw Netty 4.2: one event loop per core, the handler runs on the event loop. */
  private static void netty(int port, PredictHandler predict) throws InterruptedException {
    var group = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
    new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(10 << 20),
                new SimpleChannelInboundHandler<FullHttpRequest>() {
                  @Override
                  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
                    Reply reply = req.uri().startsWith("/predict")
                        ? predict(predict, ByteBufUtil.getBytes(req.content()))
                        : new Reply(200, HELLO);
                    FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                        HttpResponseStatus.valueOf(reply.status()),
                        Unpooled.wrappedBuffer(reply.body()));
                    res.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json")
                        .setInt(HttpHeaderNames.CONTENT_LENGTH, reply.body().length);
                    HttpUtil.setKeepAlive(res, HttpUtil.isKeepAlive(req));
                    ctx.writeAndFlush(res);
                  }
                });
          }
        }).bind("127.0.0.1", port).sync();
  }

  /** The JDK's built-in server on a fixed pool of 8 threads, Nagle off. */
  private static void jdk(int port, PredictHandler predict) throws IOException {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext("/hello", ex -> answer(ex, new Reply(200, HELLO)));
    server.createContext("/predict",
        ex -> answer(ex, predict(predict, ex.getRequestBody().readAllBytes())));
    server.start();
  }

  private static void answer(HttpExchange ex, Reply reply) throws IOException {
    ex.getRequestBody().readAllBytes();
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(reply.status(), reply.body().length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(reply.body());
    }
  }

  /** Answers a predict body, or a 400 naming what is wrong with it (the run then fails). */
  private static Reply predict(PredictHandler handler, byte[] body) {
    try {
      return new Reply(200, handler.handle(body));
    } catch (IllegalArgumentException | IOException e) {
      String message = String.valueOf(e.getMessage()).replace("\\", "\\\\")
          .replace("\"", "\\\"");
      return new Reply(400, ("{\"error\":\"" + message + "\"}")
          .getBytes(StandardCharsets.UTF_8));
    }
  }
}
