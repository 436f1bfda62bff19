package dev.kiln.serving.http;

import dev.kiln.serving.HttpConfig;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;

/**
 * Netty under the {@link HttpApi}: one event loop per core (epoll on Linux, NIO elsewhere),
 * HTTP/1.1 with keep-alive and pipelining, optional TLS, and a pool of worker threads for
 * requests too large or slow for an event loop.
 */
final class HttpTransport implements AutoCloseable {
  /** A connection with no traffic for this long is closed. */
  private static final int IDLE_SECONDS = 60;
  private static final String NETTY_JFR = "io.netty.jfr.enabled";

  private final EventLoopGroup loops;
  private final ThreadPoolExecutor workers;
  private final ChannelGroup connections;
  private final Channel server;

  private HttpTransport(EventLoopGroup loops, ThreadPoolExecutor workers,
      ChannelGroup connections, Channel server) {
    this.loops = loops;
    this.workers = workers;
    this.connections = connections;
    this.server = server;
  }

  /**
   * Listens on the configured host and port.
   *
   * @throws UncheckedIOException caused by a {@link BindException} if the address cannot be
   *     bound
   * @throws IllegalStateException if the key store cannot be read
   */
  static HttpTransport start(HttpApi api, HttpConfig config) {
    withoutJfrEvents();
    SslContext ssl = config.tls() == null ? null : ssl(config.tls());
    boolean epoll = Epoll.isAvailable();
    IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    Class<? extends ServerChannel> channel = epoll ? EpollServerSocketChannel.class
        : NioServerSocketChannel.class;
    EventLoopGroup loops = new MultiThreadIoEventLoopGroup(
        Runtime.getRuntime().availableProcessors(), new DefaultThreadFactory("kiln-http", true),
        io);
    ThreadPoolExecutor workers = new ThreadPoolExecutor(config.threads(), config.threads(), 30,
        TimeUnit.SECONDS, new ArrayBlockingQueue<>(Math.max(1000, config.threads() * 10)),
        new DefaultThreadFactory("kiln-worker", true));
    workers.allowCoreThreadTimeOut(true);
    ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    try {
      Channel server = new ServerBootstrap().group(loops).channel(channel)
          .option(ChannelOption.SO_BACKLOG, 1024)
          .childOption(ChannelOption.TCP_NODELAY, true)
          .childHandler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
              connections.add(ch);
              if (ssl != null) {
                ch.pipeline().addLast(ssl.newHandler(ch.alloc()));
              }
              ch.pipeline().addLast(new IdleStateHandler(0, 0, IDLE_SECONDS),
                  new HttpServerCodec(), new RequestReader(api, workers));
            }
          }).bind(config.host(), config.port()).syncUninterruptibly().channel();
      return new HttpTransport(loops, workers, connections, server);
    } catch (Exception e) { // the transport rethrows its checked exceptions unchecked
      loops.shutdownGracefully(0, 0, TimeUnit.SECONDS);
      workers.shutdownNow();
      throw new UncheckedIOException("Cannot listen on " + config.host() + ":" + config.port(),
          bindFailure(e));
    }
  }

  /**
   * Turns Netty's own JFR events (buffer allocations) off unless {@code -Dio.netty.jfr.enabled}
   * says otherwise: registering their event classes with JFR cost tens of milliseconds on the
   * first request, which delayed the first ready answer. A recording still sees every JDK event.
   */
  private static void withoutJfrEvents() {
    if (System.getProperty(NETTY_JFR) == null) {
      System.setProperty(NETTY_JFR, "false");
    }
  }

  /**
   * Returns the failure to bind as the JDK's {@link BindException} (the epoll transport reports
   * it as its own I/O exception), so callers can tell it from other failures.
   */
  private static BindException bindFailure(Throwable e) {
    if (e instanceof BindException bind) {
      return bind;
    }
    String message = String.valueOf(e.getMessage());
    int reason = message.lastIndexOf("): ");
    BindException bind = new BindException(reason < 0 ? message : message.substring(reason + 3));
    bind.initCause(e);
    return bind;
  }

  private static SslContext ssl(HttpConfig.Tls tls) {
    try {
      char[] password = tls.password().toCharArray();
      KeyStore store = KeyStore.getInstance(tls.keyStore().toFile(), password);
      KeyManagerFactory keys = KeyManagerFactory.getInstance(
          KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, password);
      return SslContextBuilder.forServer(keys).build();
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("Cannot read the key store '" + tls.keyStore() + "': "
          + e.getMessage(), e);
    }
  }

  /** Returns the port listened on. */
  int port() {
    return ((InetSocketAddress) server.localAddress()).getPort();
  }

  /** Stops listening, closes every connection and stops the threads. */
  @Override
  public void close() {
    server.close().syncUninterruptibly();
    connections.close().awaitUninterruptibly();
    workers.shutdown();
    try {
      workers.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
