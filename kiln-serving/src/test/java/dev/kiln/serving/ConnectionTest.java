package dev.kiln.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTP/1.1 connections as clients use them: several requests on one kept-alive connection,
 * pipelined requests answered in the order sent even when a large one is answered off the event
 * loop, and HTTP/1.0's close unless asked to keep the connection.
 */
class ConnectionTest {
  private static final String PREDICT = "/v1/models/demo:predict";

  @TempDir static Path dir;
  static ModelServer server;

  @BeforeAll
  static void start() {
    ServingMetrics metrics = new ServingMetrics();
    Path bundle = TestBundles.write(dir.resolve("bundle"), "demo", "1", 0);
    server = ModelServer.create(cfg -> cfg.metrics(metrics)
        .http(http -> http.address("127.0.0.1", 0))
        .models(m -> m.serve(bundle.toString()).maxRows(100_000)));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String post(String path, String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    return "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
        + "Content-Length: " + body.length + "\r\n\r\n" + json;
  }

  private static String rows(int n) {
    return "{\"instances\": [" + "[50.0, \"a\"],".repeat(n - 1) + "[20.0, \"b\"]]}";
  }

  @Test
  void pipelined_requests_are_answered_in_the_order_sent() throws IOException {
    // The 3000-row body is far over the size answered on the event loop: it goes to a worker,
    // and the small requests behind it must still wait for its answer.
    String requests = post(PREDICT, rows(3000)) + "GET /v2/health/live HTTP/1.1\r\nHost: x\r\n\r\n"
        + post(PREDICT, rows(1)) + "GET /nowhere HTTP/1.1\r\nHost: x\r\n\r\n"
        + post(PREDICT, rows(2));
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(60_000);
      socket.getOutputStream().write(requests.getBytes(StandardCharsets.UTF_8));
      socket.getOutputStream().flush();
      List<Response> answers = read(socket.getInputStream(), 5);
      assertThat(answers).extracting(Response::status).containsExactly(200, 200, 200, 404, 200);
      assertThat(Http.JSON.readTree(answers.get(0).body()).get("predictions").size())
          .isEqualTo(3000);
      assertThat(answers.get(1).body()).contains("\"live\":true");
      assertThat(Http.JSON.readTree(answers.get(2).body()).get("predictions").size())
          .isEqualTo(1);
      assertThat(answers.get(3).body()).contains("No endpoint GET /nowhere");
      assertThat(Http.JSON.readTree(answers.get(4).body()).get("predictions").size())
          .isEqualTo(2);
    }
  }

  @Test
  void http_1_0_closes_unless_asked_to_keep_alive() throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(20_000);
      socket.getOutputStream().write("GET /v2/health/live HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"
          .getBytes(StandardCharsets.US_ASCII));
      Response kept = read(socket.getInputStream(), 1).get(0);
      assertThat(kept.head()).containsIgnoringCase("connection: keep-alive");
      socket.getOutputStream().write("GET /v2/health/live HTTP/1.0\r\n\r\n"
          .getBytes(StandardCharsets.US_ASCII));
      Response closed = read(socket.getInputStream(), 1).get(0);
      assertThat(closed.status()).isEqualTo(200);
      assertThat(closed.head()).containsIgnoringCase("connection: close");
      assertThat(socket.getInputStream().read()).as("the server closed").isEqualTo(-1);
    }
  }

  private record Response(int status, String head, String body) {}

  /** Reads n responses framed by their Content-Length. */
  private static List<Response> read(InputStream in, int n) throws IOException {
    List<Response> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
        int b = in.read();
        if (b < 0) {
          throw new IOException("connection closed after " + out.size() + " answers");
        }
        head.write(b);
      }
      String text = head.toString(StandardCharsets.US_ASCII);
      int length = 0;
      for (String line : text.split("\r\n")) {
        if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
          length = Integer.parseInt(line.substring(15).trim());
        }
      }
      String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
      out.add(new Response(Integer.parseInt(text.substring(9, 12)), text, body));
    }
    return out;
  }
}
