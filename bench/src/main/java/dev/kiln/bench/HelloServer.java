package dev.kiln.bench;

import io.javalin.Javalin;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The ceiling of the serving benchmark: a bare endpoint on the same HTTP stack and thread pool
 * as {@code kiln serve} (Javalin on Jetty), answering a small JSON body to any POST.
 */
public final class HelloServer {
  private HelloServer() {}

  /** Starts on the port given as the only argument and runs until killed. */
  public static void main(String[] args) {
    Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.jetty.threadPool = new QueuedThreadPool(200, 8);
      config.jetty.host = "127.0.0.1";
      config.jetty.port = Integer.parseInt(args[0]);
      config.routes.post("/hello", ctx -> ctx.contentType("application/json")
          .result("{\"hello\":\"world\"}"));
    }).start();
  }
}
