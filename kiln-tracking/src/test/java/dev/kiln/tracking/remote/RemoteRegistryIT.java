package dev.kiln.tracking.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.tracking.ArtifactStores;
import dev.kiln.tracking.ModelVersion;
import dev.kiln.tracking.ModelVersions;
import dev.kiln.tracking.ResourceNotFoundException;
import dev.kiln.tracking.TrackingException;
import dev.kiln.tracking.TrackingStore;
import dev.kiln.tracking.TrackingStores;
import dev.kiln.tracking.rest.ServerOptions;
import dev.kiln.tracking.rest.TrackingServer;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real tracking server with a token, read by {@link RemoteRegistry} over HTTP. */
class RemoteRegistryIT {
  private static final String TOKEN = "t0ken-never-shown";

  @TempDir Path dir;
  private TrackingStore store;
  private TrackingServer server;
  private ModelVersions local;

  @BeforeEach
  void start() throws Exception {
    store = TrackingStores.sqlite(dir.resolve("kiln.db"));
    var artifacts = ArtifactStores.local(dir.resolve("artifacts"));
    local = new ModelVersions(store, artifacts);
    server = TrackingServer.start(store, artifacts,
        new ServerOptions(ServerOptions.LOOPBACK, 0, TOKEN, List.of()));
  }

  @AfterEach
  void stop() {
    server.close();
    store.close();
  }

  private Path bundle(String name, String content) throws Exception {
    Path b = Files.createDirectories(dir.resolve(name));
    Files.writeString(b.resolve("bundle.json"), "{\"name\":\"fraud\"}");
    Files.writeString(b.resolve("model.json"), content);
    return b;
  }

  private RemoteRegistry registry(String token) {
    return RemoteRegistry.connect(new RemoteTracking(URI.create("http://127.0.0.1:"
        + server.port()), token, null, null), Duration.ZERO);
  }

  @Test
  void resolveAndDownload_aliasVersionAndLatest_fetchTheRegisteredFiles() throws Exception {
    local.register("fraud", bundle("v1", "{\"trees\":1}"), null, Map.of());
    local.register("fraud", bundle("v2", "{\"trees\":2}"), null, Map.of());
    store.updateAlias("fraud", "champion", 1);
    RemoteRegistry remote = registry(TOKEN);

    ModelVersion champion = remote.resolve("fraud@champion");
    assertThat(champion.version()).isEqualTo(1);
    assertThat(champion.aliases()).containsExactly("champion");
    assertThat(remote.resolve("fraud:2").version()).isEqualTo(2);
    assertThat(remote.resolve("fraud").version()).isEqualTo(2);

    Path got = remote.download(champion, dir.resolve("fetched"));
    assertThat(got.resolve("model.json")).hasContent("{\"trees\":1}");
    assertThat(got.resolve("bundle.json")).hasContent("{\"name\":\"fraud\"}");
    try (var files = Files.list(got)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactly("bundle.json", "model.json");
    }
  }

  @Test
  void download_artifactChangedAfterRegistration_failsOnContentHash() throws Exception {
    ModelVersion v = local.register("fraud", bundle("v1", "{\"trees\":1}"), null, Map.of());
    Files.writeString(dir.resolve("artifacts").resolve(v.source()).resolve("model.json"),
        "{\"trees\":9}");
    RemoteRegistry remote = registry(TOKEN);

    assertThatThrownBy(() -> remote.download(remote.resolve("fraud:1"), dir.resolve("out")))
        .isInstanceOf(TrackingException.class)
        .hasMessageContaining("registered with content hash")
        .satisfies(e -> assertThat(((TrackingException) e).describe())
            .contains("changed after registration"));
  }

  @Test
  void resolve_wrongOrMissingToken_refusedWithoutShowingIt() throws Exception {
    local.register("fraud", bundle("v1", "{}"), null, Map.of());

    assertThatThrownBy(() -> registry("wrong-secret").resolve("fraud"))
        .isInstanceOf(TrackingException.class)
        .hasMessageContaining("answered 401 UNAUTHENTICATED")
        .hasMessageNotContaining("wrong-secret")
        .satisfies(e -> assertThat(((TrackingException) e).describe())
            .contains("MLFLOW_TRACKING_TOKEN").doesNotContain("wrong-secret"));
    assertThatThrownBy(() -> registry(null).resolve("fraud"))
        .hasMessageContaining("401");
  }

  @Test
  void resolve_unknownAlias_notFound() {
    assertThatThrownBy(() -> registry(TOKEN).resolve("fraud@champion"))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void resolve_serverDown_saysItCannotBeReached() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    RemoteRegistry remote = RemoteRegistry.connect(new RemoteTracking(
        URI.create("http://127.0.0.1:" + port), TOKEN, null, null), Duration.ofMillis(600));

    assertThatThrownBy(() -> remote.resolve("fraud@champion"))
        .isInstanceOf(TrackingException.class)
        .hasMessageContaining("'http://127.0.0.1:" + port + "' cannot be reached")
        .satisfies(e -> assertThat(((TrackingException) e).describe())
            .contains("kiln tracking serve").doesNotContain(TOKEN));
  }

  @Test
  void fromEnvironment_readsUriAndCredentials_masksThem() {
    RemoteTracking t = RemoteTracking.fromEnvironment(Map.of("MLFLOW_TRACKING_URI",
        "http://tracking:5000/", "MLFLOW_TRACKING_TOKEN", TOKEN), null);

    assertThat(t.uri()).isEqualTo(URI.create("http://tracking:5000"));
    assertThat(t.toString()).doesNotContain(TOKEN).contains("token=***");
    assertThat(RemoteTracking.fromEnvironment(Map.of("KILN_TRACKING_URI", "https://a:1",
        "MLFLOW_TRACKING_URI", "http://b:2"), null).uri().getHost()).isEqualTo("a");
    assertThatThrownBy(() -> RemoteTracking.fromEnvironment(Map.of(), null))
        .hasMessageContaining("KILN_TRACKING_URI and MLFLOW_TRACKING_URI are not set");
    assertThatThrownBy(() -> RemoteTracking.fromEnvironment(Map.of(), "file:///tmp"))
        .hasMessageContaining("is not an http:// or https:// address");
  }

  @Test
  void reference_mlflowModelUris_becomeKilnReferences() {
    assertThat(RemoteRegistry.reference("models:/fraud@champion")).isEqualTo("fraud@champion");
    assertThat(RemoteRegistry.reference("models:/fraud/3")).isEqualTo("fraud:3");
    assertThat(RemoteRegistry.reference("models:/fraud")).isEqualTo("fraud");
    assertThat(RemoteRegistry.reference("fraud@champion")).isEqualTo("fraud@champion");
  }
}
