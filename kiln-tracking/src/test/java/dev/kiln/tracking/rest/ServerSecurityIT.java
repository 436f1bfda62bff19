package dev.kiln.tracking.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.tracking.ArtifactStores;
import dev.kiln.tracking.TrackingException;
import dev.kiln.tracking.TrackingStore;
import dev.kiln.tracking.TrackingStores;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tracking server's network defaults: loopback, Host-header guard, headers, bind errors. */
class ServerSecurityIT {
  @TempDir Path dir;

  private TrackingServer start(TrackingStore store, ServerOptions options) {
    return TrackingServer.start(store, ArtifactStores.local(dir.resolve("artifacts")), options);
  }

  /** Sends a raw HTTP/1.1 GET with a chosen Host header and returns the whole response. */
  private static String get(int port, String host, String path) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      OutputStream out = socket.getOutputStream();
      out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void defaults_bindLoopbackOnly_unreachableFromOtherInterfaces() throws Exception {
    try (TrackingStore store = TrackingStores.sqlite(dir.resolve("kiln.db"));
        TrackingServer server = start(store, ServerOptions.port(0))) {
      assertThat(server.host()).isEqualTo("127.0.0.1");
      assertThat(get(server.port(), "localhost:" + server.port(),
          "/api/2.0/mlflow/experiments/search")).startsWith("HTTP/1.1 200");
      for (InetAddress address : nonLoopbackAddresses()) {
        assertThatThrownBy(() -> new Socket().connect(new InetSocketAddress(address,
            server.port()), 5_000)).as("connect via " + address)
            .isInstanceOf(ConnectException.class);
      }
    }
  }

  private static List<InetAddress> nonLoopbackAddresses() throws IOException {
    return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
        .flatMap(NetworkInterface::inetAddresses)
        .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress()).toList();
  }

  @Test
  void hostHeader_foreignDomain_is403_loopbackAndAllowedNamesServed() throws Exception {
    try (TrackingStore store = TrackingStores.sqlite(dir.resolve("kiln.db"));
        TrackingServer server = start(store, ServerOptions.port(0)
            .withAllowedHosts(List.of("*.corp.example")))) {
      int port = server.port();
      String rebound = get(port, "attacker.example:" + port, "/api/2.0/mlflow/experiments/search");
      assertThat(rebound).startsWith("HTTP/1.1 403").contains("PERMISSION_DENIED",
          "Host 'attacker.example:" + port + "' is not allowed", "DNS rebinding");
      String longHost = "x".repeat(5_000) + ".example";
      assertThat(get(port, longHost, "/")).startsWith("HTTP/1.1 403")
          .doesNotContain("x".repeat(200));
      for (String ok : List.of("127.0.0.1:" + port, "[::1]:" + port, "mlflow.corp.example")) {
        assertThat(get(port, ok, "/api/2.0/mlflow/experiments/search")).as(ok)
            .startsWith("HTTP/1.1 200");
      }
    }
  }

  @Test
  void responses_carryNoSniffAndFrameDenyHeaders() throws Exception {
    try (TrackingStore store = TrackingStores.sqlite(dir.resolve("kiln.db"));
        TrackingServer server = start(store, ServerOptions.port(0))) {
      String response = get(server.port(), "localhost", "/api/2.0/mlflow/experiments/search");
      assertThat(response.toLowerCase(java.util.Locale.ROOT))
          .contains("x-content-type-options: nosniff", "x-frame-options: deny");
    }
  }

  @Test
  void options_emptyTokenOrHost_refused() {
    assertThatThrownBy(() -> ServerOptions.port(5000).withToken(""))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be empty");
    assertThatThrownBy(() -> ServerOptions.port(5000).withHost(" "))
        .hasMessageContaining("host must not be empty");
    assertThat(ServerOptions.port(5000).withToken("secret").toString())
        .doesNotContain("secret");
  }

  @Test
  void start_portInUse_failsNamingTheAddress() {
    try (TrackingStore store = TrackingStores.sqlite(dir.resolve("kiln.db"));
        TrackingServer first = start(store, ServerOptions.port(0))) {
      assertThatThrownBy(() -> start(store, ServerOptions.port(first.port())))
          .isInstanceOf(TrackingException.class)
          .hasMessageContaining("Cannot listen on 127.0.0.1:" + first.port());
    }
  }
}
