package dev.kiln.serving.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** Which clients get gzip, which answers are worth it, and that gzip round-trips. */
class CompressionTest {
  @Test
  void acceptsGzip_followsNamesWeightsAndWildcard() {
    assertThat(Compression.acceptsGzip("gzip")).isTrue();
    assertThat(Compression.acceptsGzip("deflate, GZIP;q=0.5")).isTrue();
    assertThat(Compression.acceptsGzip("x-gzip")).isTrue();
    assertThat(Compression.acceptsGzip("*")).isTrue();
    assertThat(Compression.acceptsGzip("br, *;q=0.1")).isTrue();
    assertThat(Compression.acceptsGzip("gzip;q=0")).isFalse();
    assertThat(Compression.acceptsGzip("gzip; q=0.0, *")).as("named beats the wildcard")
        .isFalse();
    assertThat(Compression.acceptsGzip("*;q=0")).isFalse();
    assertThat(Compression.acceptsGzip("identity")).isFalse();
    assertThat(Compression.acceptsGzip("br, deflate")).isFalse();
    assertThat(Compression.acceptsGzip("")).isFalse();
    assertThat(Compression.acceptsGzip(null)).isFalse();
  }

  @Test
  void worthIt_onlyLargeTextOrJson() {
    int big = Compression.MIN_BYTES;
    assertThat(Compression.worthIt("application/json", big)).isTrue();
    assertThat(Compression.worthIt("text/html; charset=utf-8", big)).isTrue();
    assertThat(Compression.worthIt("text/plain; version=0.0.4; charset=utf-8", big)).isTrue();
    assertThat(Compression.worthIt("application/javascript", big)).isTrue();
    assertThat(Compression.worthIt("image/svg+xml", big)).isTrue();
    assertThat(Compression.worthIt("application/json", big - 1)).isFalse();
    assertThat(Compression.worthIt("image/png", 1 << 20)).isFalse();
    assertThat(Compression.worthIt("application/octet-stream", 1 << 20)).isFalse();
  }

  @Test
  void gzip_roundTrips() throws IOException {
    byte[] json = "{\"predictions\": [0.125, 0.5, 0.875]}".repeat(200)
        .getBytes(StandardCharsets.UTF_8);
    byte[] zipped = Compression.gzip(json);
    assertThat(zipped.length).isLessThan(json.length / 10);
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped))) {
      assertThat(in.readAllBytes()).isEqualTo(json);
    }
  }
}
