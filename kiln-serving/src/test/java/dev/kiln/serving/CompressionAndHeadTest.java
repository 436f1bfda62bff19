package dev.kiln.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compressed answers and HEAD, seen by real clients (the JDK's HttpClient and curl): gzip only
 * when the client takes it and the answer is large enough, with Content-Encoding and Vary set
 * right; a compressed KServe V2 answer that decodes to the plain one; and HEAD answered by every
 * GET route with the GET's headers and no body.
 */
class CompressionAndHeadTest {
  private static final String INFER = "/v2/models/demo/infer";

  @TempDir static Path dir;
  static ModelServer server;
  static String base;
  static final HttpClient CLIENT = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    Path bundle = TestBundles.write(dir.resolve("bundle"), "demo", "1", 0);
    server = ModelServer.create(cfg -> cfg.http(http -> http.address("127.0.0.1", 0))
        .models(m -> m.serve(bundle.toString())));
    base = "http://127.0.0.1:" + server.port();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** A V2 infer body of n rows, one tensor per field. */
  private static String infer(int n) {
    StringJoiner amounts = new StringJoiner(",");
    StringJoiner kinds = new StringJoiner(",");
    for (int i = 0; i < n; i++) {
      amounts.add(Double.toString(30 + i * 0.37));
      kinds.add("\"" + "abc".charAt(i % 3) + "\"");
    }
    return "{\"id\": \"r1\", \"inputs\": [{\"name\": \"amount\", \"shape\": [" + n + "],"
        + " \"datatype\": \"FP64\", \"data\": [" + amounts + "]}, {\"name\": \"kind\", \"shape\":"
        + " [" + n + "], \"datatype\": \"BYTES\", \"data\": [" + kinds + "]}]}";
  }

  private static HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static HttpRequest.Builder post(String path, String json) {
    return HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type",
        "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
  }

  private static byte[] gunzip(byte[] bytes) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return in.readAllBytes();
    }
  }

  @Test
  void largeV2Answer_gzipAccepted_decodesToThePlainAnswer() throws Exception {
    HttpResponse<byte[]> plain = send(post(INFER, infer(200)));
    HttpResponse<byte[]> zipped = send(post(INFER, infer(200))
        .header("Accept-Encoding", "br;q=1.0, gzip;q=0.8, *;q=0.1"));
    assertThat(plain.statusCode()).isEqualTo(200);
    assertThat(zipped.statusCode()).isEqualTo(200);
    assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(plain.headers().allValues("Vary")).containsExactly("Accept-Encoding");
    assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(zipped.headers().allValues("Vary")).containsExactly("Accept-Encoding");
    assertThat(zipped.headers().firstValueAsLong("Content-Length"))
        .hasValue(zipped.body().length);
    assertThat(zipped.body().length).isLessThan(plain.body().length / 2);
    JsonNode a = Http.JSON.readTree(plain.body());
    JsonNode b = Http.JSON.readTree(gunzip(zipped.body()));
    assertThat(b.get("outputs")).isEqualTo(a.get("outputs"));
    assertThat(b.get("outputs").get(0).get("data")).hasSize(200);
  }

  @Test
  void smallAnswer_gzipAccepted_isSentAsItIs() throws Exception {
    HttpResponse<byte[]> r = send(post(INFER, infer(1)).header("Accept-Encoding", "gzip"));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(r.headers().firstValue("Vary")).isEmpty();
    assertThat(Http.JSON.readTree(r.body()).get("outputs")).isNotEmpty();
  }

  @Test
  void gzipRefusedOrNotNamed_answerIsPlain() throws Exception {
    for (String refusal : List.of("gzip;q=0", "identity", "deflate, *;q=0", "br")) {
      HttpResponse<byte[]> r = send(post(INFER, infer(200)).header("Accept-Encoding", refusal));
      assertThat(r.headers().firstValue("Content-Encoding")).as(refusal).isEmpty();
      assertThat(Http.JSON.readTree(r.body()).get("outputs")).as(refusal).isNotEmpty();
    }
    HttpResponse<byte[]> star = send(post(INFER, infer(200)).header("Accept-Encoding", "*"));
    assertThat(star.headers().firstValue("Content-Encoding")).hasValue("gzip");
  }

  @Test
  void head_ofGetRoutes_sameHeadersAsGetAndNoBody() throws Exception {
    for (String path : List.of("/openapi.json", "/v2/health/ready", "/metrics", "/v2/models/demo")) {
      for (String encoding : List.of("identity", "gzip")) {
        HttpResponse<byte[]> get = send(HttpRequest.newBuilder(URI.create(base + path))
            .header("Accept-Encoding", encoding).GET());
        HttpResponse<byte[]> head = send(HttpRequest.newBuilder(URI.create(base + path))
            .header("Accept-Encoding", encoding).method("HEAD",
                HttpRequest.BodyPublishers.noBody()));
        String what = "HEAD " + path + " (" + encoding + ")";
        assertThat(head.statusCode()).as(what).isEqualTo(get.statusCode()).isEqualTo(200);
        assertThat(head.body()).as(what).isEmpty();
        assertThat(head.headers().firstValue("Content-Type")).as(what)
            .isEqualTo(get.headers().firstValue("Content-Type"));
        assertThat(head.headers().firstValue("Content-Encoding")).as(what)
            .isEqualTo(get.headers().firstValue("Content-Encoding"));
        if (!path.equals("/metrics")) { // the metrics change between the two requests
          assertThat(head.headers().firstValueAsLong("Content-Length")).as(what)
              .hasValue(get.body().length);
        }
      }
    }
  }

  @Test
  void head_onPostOnlyPath_is405NamingThePostAndGetNamesHead() throws Exception {
    HttpResponse<byte[]> r = send(HttpRequest.newBuilder(URI.create(base + INFER))
        .method("HEAD", HttpRequest.BodyPublishers.noBody()));
    assertThat(r.statusCode()).isEqualTo(405);
    assertThat(r.headers().firstValue("Allow")).hasValue("POST");
    HttpResponse<byte[]> put = send(HttpRequest.newBuilder(URI.create(base + "/v2/health/live"))
        .PUT(HttpRequest.BodyPublishers.noBody()));
    assertThat(put.statusCode()).isEqualTo(405);
    assertThat(put.headers().firstValue("Allow")).hasValue("GET, HEAD");
  }

  @Test
  void curl_compressed_decodesTheSameAnswer() throws Exception {
    Path body = dir.resolve("infer.json");
    Files.writeString(body, infer(300));
    String plain = curl("-s", "-H", "Content-Type: application/json", "--data-binary",
        "@" + body, base + INFER);
    String headers = curl("-s", "-o", "/dev/null", "-D", "-", "--compressed", "-H",
        "Content-Type: application/json", "--data-binary", "@" + body, base + INFER);
    String decoded = curl("-s", "--compressed", "-H", "Content-Type: application/json",
        "--data-binary", "@" + body, base + INFER);
    assertThat(headers.toLowerCase()).contains("content-encoding: gzip")
        .contains("vary: accept-encoding");
    assertThat(Http.JSON.readTree(decoded).get("outputs"))
        .isEqualTo(Http.JSON.readTree(plain).get("outputs"));
    String head = curl("-s", "-I", base + "/openapi.json");
    assertThat(head).startsWith("HTTP/1.1 200");
    assertThat(head.toLowerCase()).contains("content-length: "
        + curl("-s", base + "/openapi.json").getBytes(StandardCharsets.UTF_8).length);
  }

  /** Runs curl and returns what it printed; fails on a non-zero exit. */
  private static String curl(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("curl", "--max-time", "30"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("curl " + command).isZero();
    return new String(out, StandardCharsets.UTF_8);
  }
}
