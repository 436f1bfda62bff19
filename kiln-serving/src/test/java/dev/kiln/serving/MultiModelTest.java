package dev.kiln.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One process serves several models, each by its name. */
class MultiModelTest {
  @TempDir Path dir;

  @Test
  void two_models_answer_by_name_and_invocations_needs_the_choice() {
    ServingMetrics metrics = new ServingMetrics();
    Path demoBundle = TestBundles.write(dir.resolve("demo"), "demo", "1", 0);
    Path otherBundle = TestBundles.write(dir.resolve("other"), "other", "1", 2);
    try (ModelServer server = ModelServer.create(cfg -> cfg.metrics(metrics)
        .http(http -> http.address("127.0.0.1", 0))
        .models(m -> m.serve(demoBundle.toString()).serve(otherBundle.toString())))) {
      Http http = new Http("http://127.0.0.1:" + server.port());
      String body = "{\"instances\": [[50, \"a\"]]}";
      double demo = Http.json(http.postJson("/v1/models/demo:predict", body))
          .get("predictions").get(0).get("probability").asDouble();
      double other = Http.json(http.postJson("/v1/models/other:predict", body))
          .get("predictions").get(0).get("probability").asDouble();
      assertThat(demo).as("different models, different answers").isNotEqualTo(other);
      assertThat(Http.json(http.get("/v1/models")).get("models").toString())
          .isEqualTo("[\"demo\",\"other\"]");
      var ambiguous = http.postJson("/invocations", "{\"instances\": [[50, \"a\"]]}");
      assertThat(ambiguous.statusCode()).isEqualTo(400);
      assertThat(ambiguous.body()).contains("?model=NAME").contains("demo").contains("other");
      assertThat(Http.json(http.postJson("/invocations?model=other", body)).get("predictions")
          .get(0).get("probability").asDouble()).isEqualTo(other);
    }
  }
}
