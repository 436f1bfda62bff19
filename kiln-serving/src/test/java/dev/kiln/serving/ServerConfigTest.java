package dev.kiln.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.KilnException;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server refuses a wrong configuration before it listens, naming the setting. */
class ServerConfigTest {
  @TempDir Path dir;

  private String bundle(String name) {
    return TestBundles.write(dir.resolve(name), name, "1", 0).toString();
  }

  private static void refused(Consumer<ServerConfig> config, String... message) {
    assertThatThrownBy(() -> ModelServer.create(config)).isInstanceOf(KilnException.class)
        .hasMessageContainingAll(message);
  }

  @Test
  void http_settings_are_checked() {
    String demo = bundle("demo");
    refused(cfg -> cfg.http(h -> h.address("127.0.0.1", 0).token(" "))
        .models(m -> m.serve(demo)), "bearer token is empty");
    refused(cfg -> cfg.http(h -> h.address("127.0.0.1", 0).tls(new HttpConfig.Tls(
        dir.resolve("missing.p12"), "x"))).models(m -> m.serve(demo)), "missing.p12",
        "does not exist");
    refused(cfg -> cfg.http(h -> h.address("127.0.0.1", 70_000)).models(m -> m.serve(demo)),
        "Cannot listen on '127.0.0.1:70000'");
    refused(cfg -> cfg.http(h -> h.address("127.0.0.1", 0).threads(1))
        .models(m -> m.serve(demo)), "at least 2 threads");
  }

  @Test
  void challengers_must_pair_with_a_served_model() {
    String demo = bundle("demo");
    String other = bundle("other");
    refused(cfg -> cfg.http(h -> h.address("127.0.0.1", 0)), "No model to serve");
    refused(cfg -> cfg.http(h -> h.address("127.0.0.1", 0))
        .models(m -> m.serve(demo).canary(other, 10)), "not served: [other]");
    refused(cfg -> cfg.http(h -> h.address("127.0.0.1", 0))
        .models(m -> m.serve(demo).canary(demo, 10).shadow(demo)), "more than one canary");
    refused(cfg -> cfg.models(m -> m.serve(demo).canary(demo, 150)), "Canary percent '150'");
    refused(cfg -> cfg.http(h -> h.address("127.0.0.1", 0))
        .models(m -> m.serve(demo).serve(demo)), "given twice");
    refused(cfg -> cfg.http(h -> h.address("127.0.0.1", 0)).models(m -> m.serve(demo))
        .predictionLog(dir.resolve("log"), 0), "sample must be within 0");
  }

  @Test
  void a_canary_is_served_with_its_share() {
    String demo = bundle("demo");
    try (ModelServer server = ModelServer.create(cfg -> cfg.http(h -> h.address("127.0.0.1", 0))
        .models(m -> m.serve(demo).canary(demo, 25)))) {
      ModelSlot slot = server.models().slot("demo");
      assertThat(slot.traffic()).isEqualTo(new Traffic(Traffic.Mode.CANARY, 25));
      assertThat(slot.deployment().challenger()).isNotNull();
    }
  }
}
