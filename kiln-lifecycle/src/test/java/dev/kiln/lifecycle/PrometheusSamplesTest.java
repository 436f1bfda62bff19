package dev.kiln.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The text format's samples, labels with escapes, comments and +Inf. */
class PrometheusSamplesTest {
  @Test
  void reads_labels_values_and_infinity() {
    PrometheusSamples s = PrometheusSamples.parse("""
        # HELP kiln_requests_total Prediction requests
        # TYPE kiln_requests_total counter
        kiln_requests_total{code="200",model="a\\"b",version="1"} 12.0
        kiln_requests_total{code="500",model="a\\"b",version="1"} 3
        kiln_up 1 1700000000000
        kiln_request_duration_seconds_bucket{le="+Inf",model="m"} 7
        """);
    assertThat(s.sum("kiln_requests_total", l -> l.get("model").equals("a\"b"))).isEqualTo(15);
    assertThat(s.sum("kiln_requests_total", l -> l.get("code").startsWith("5"))).isEqualTo(3);
    assertThat(s.sum("kiln_up", l -> true)).isEqualTo(1);
    assertThat(s.named("kiln_request_duration_seconds_bucket").get(0).labels().get("le"))
        .isEqualTo("+Inf");
  }

  @Test
  void a_line_that_is_not_a_sample_is_named() {
    assertThatThrownBy(() -> PrometheusSamples.parse("<html>not metrics</html>\n"))
        .isInstanceOf(LifecycleException.class).hasMessageContaining("<html>");
  }
}
