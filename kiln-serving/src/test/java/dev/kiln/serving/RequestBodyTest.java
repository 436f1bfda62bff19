package dev.kiln.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Request bodies at the edge: an oversized declared length is refused before the body is read,
 * an oversized body is a counted 413 and no warning, and a client leaving mid-body is one log
 * line, never a stack trace.
 */
class RequestBodyTest {
  private static final int LIMIT = 4096;
  private static final String PREDICT = "/v1/models/demo:predict";

  @TempDir static Path dir;
  static ModelServer server;
  static Http http;
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private PrintStream err;

  @BeforeAll
  static void start() {
    ServingMetrics metrics = new ServingMetrics();
    Path bundle = TestBundles.write(dir.resolve("bundle"), "demo", "1", 0);
    server = ModelServer.create(cfg -> cfg.metrics(metrics).kilnVersion("test")
        .http(http -> http.address("127.0.0.1", 0).threads(16).maxBodyBytes(LIMIT))
        .models(m -> m.serve(bundle.toString()).maxRows(100)));
    http = new Http("http://127.0.0.1:" + server.port());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** slf4j-simple writes to whatever System.err is when it logs. */
  @BeforeEach
  void captureLog() {
    err = System.err;
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreLog() {
    System.setErr(err);
    err.print(log.toString(StandardCharsets.UTF_8));
  }

  @Test
  void declared_length_over_the_limit_is_refused_before_the_body_is_read() throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(("POST " + PREDICT + " HTTP/1.1\r\nHost: localhost\r\n"
          + "Content-Type: application/json\r\nContent-Length: 100000000\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String answer = readAnswer(socket.getInputStream());
      assertThat(answer).startsWith("HTTP/1.1 413").contains("larger than the limit of 4096")
          .containsIgnoringCase("Connection: close");
    }
    assertThat(metrics()).contains("kiln_http_errors_total{code=\"413\"}");
  }

  @Test
  void chunked_body_over_the_limit_is_a_413_without_a_warning() throws Exception {
    byte[] body = ("{\"instances\": [" + "[1.0, \"a\"],".repeat(1000) + "[1.0, \"a\"]]}")
        .getBytes(StandardCharsets.UTF_8);
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
        + PREDICT)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
        .build();
    HttpResponse<String> r = HttpClient.newHttpClient().send(request,
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(Http.json(r).get("error").asText()).contains("larger than the limit");
    assertThat(log.toString(StandardCharsets.UTF_8)).doesNotContain("WARN");
    assertThat(http.postJson(PREDICT, "{\"instances\": [[1.0, \"a\"]]}").statusCode())
        .isEqualTo(200);
  }

  @Test
  void client_leaving_mid_body_is_one_log_line_and_counted() throws Exception {
    String part = "{\"instances\": [[1.0, \"a\"], ";
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(("POST " + PREDICT + " HTTP/1.1\r\nHost: localhost\r\n"
          + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n" + part)
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }
    long deadline = System.currentTimeMillis() + 20_000;
    while (!metrics().contains("kiln_client_disconnects_total 1.0")
        && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    assertThat(metrics()).contains("kiln_client_disconnects_total 1.0");
    Thread.sleep(200); // anything the server would log after the request is written by now
    String[] lines = log.toString(StandardCharsets.UTF_8).split("\n");
    assertThat(lines).as(String.join("\n", lines)).hasSize(1);
    assertThat(lines[0]).contains("INFO").contains("POST " + PREDICT)
        .contains("the client went away").contains("after " + part.length() + " of 1000 bytes");
    assertThat(Arrays.stream(lines)).noneMatch(l -> l.startsWith("\tat "));
  }

  @Test
  void an_answer_before_the_body_is_read_closes_the_connection() throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(20_000);
      socket.getOutputStream().write(("POST " + PREDICT + " HTTP/1.1\r\nHost: localhost\r\n"
          + "Content-Type: text/plain\r\nContent-Length: 2000\r\n\r\n" + "x".repeat(2000))
          .getBytes(StandardCharsets.US_ASCII));
      String answer = readAnswer(socket.getInputStream());
      assertThat(answer).startsWith("HTTP/1.1 415").containsIgnoringCase("Connection: close");
    }
    HttpResponse<String> read = http.postJson(PREDICT, "{\"instances\": [[1.0, \"a\"]], \"x\":");
    assertThat(read.statusCode()).isEqualTo(400);
    assertThat(read.headers().firstValue("Connection")).as("a body read to its end keeps the"
        + " connection").isEmpty();
  }

  private static String metrics() {
    return http.get("/metrics").body();
  }

  /** Reads a response's head and body until the connection closes. */
  private static String readAnswer(InputStream in) throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }
}
