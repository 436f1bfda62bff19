package dev.kiln.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.deploy.image.ContainerImage;
import dev.kiln.deploy.image.RegistryPush;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pushes a built image to a real registry (Debian's docker-registry, the CNCF distribution
 * server, on loopback with htpasswd sign-in over plain HTTP): the image arrives with its tag and
 * labels; a wrong password and a registry without TLS but no permission for it are refused with
 * a message that names the fix and never the password.
 */
class RegistryPushIT {
  private static final String REGISTRY = "/usr/bin/docker-registry";
  private static final String PASSWORD = "s3cret-kiln-pw";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path work;
  static Process registry;
  static int port;

  @BeforeAll
  static void startRegistry() throws Exception {
    assertThat(Path.of(REGISTRY)).as("Debian's docker-registry (.ci/run installs it)")
        .isExecutable();
    Process hash = new ProcessBuilder("/usr/bin/python3", "-W", "ignore", "-c", "import crypt;"
        + " print('kiln:' + crypt.crypt('" + PASSWORD + "', crypt.mksalt(crypt.METHOD_BLOWFISH,"
        + " rounds=16)))").start();
    String line = new String(hash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(hash.waitFor()).isZero();
    Files.writeString(work.resolve("htpasswd"), line);
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    ProcessBuilder pb = new ProcessBuilder(REGISTRY, "serve", "/etc/docker/registry/config.yml")
        .redirectErrorStream(true).redirectOutput(work.resolve("registry.log").toFile());
    pb.environment().put("REGISTRY_HTTP_ADDR", "127.0.0.1:" + port);
    pb.environment().put("REGISTRY_STORAGE_FILESYSTEM_ROOTDIRECTORY", work.resolve("data")
        .toString());
    pb.environment().put("REGISTRY_AUTH_HTPASSWD_PATH", work.resolve("htpasswd").toString());
    pb.environment().put("REGISTRY_AUTH_HTPASSWD_REALM", "kiln");
    registry = pb.start();
    for (int i = 0; i < 300 && status("/v2/") != 401; i++) {
      Thread.sleep(100);
    }
    assertThat(status("/v2/")).as(Files.readString(work.resolve("registry.log")))
        .isEqualTo(401);
  }

  @AfterAll
  static void stopRegistry() throws Exception {
    if (registry != null) {
      registry.destroy();
      registry.waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void push_signedIn_imageArrivesWithTagAndLabels() throws Exception {
    PackageSpec spec = spec("pushed");
    ContainerImage.Built built = ContainerImage.build(spec, cache(),
        new RegistryPush(true, "kiln", PASSWORD));
    assertThat(built.pushedDigest()).startsWith("sha256:");
    assertThat(built.tarball()).isRegularFile();
    JsonNode tags = JSON.readTree(get("/v2/kiln/churn/tags/list"));
    assertThat(tags.get("tags").toString()).contains("\"7\"");
    JsonNode manifest = JSON.readTree(get("/v2/kiln/churn/manifests/" + built.pushedDigest()));
    JsonNode config = JSON.readTree(get("/v2/kiln/churn/blobs/"
        + manifest.at("/config/digest").asText()));
    assertThat(config.at("/config/Labels/dev.kiln.model.name").asText()).isEqualTo("Churn Score");
    assertThat(config.at("/config/User").asText()).isEqualTo("10001:10001");
  }

  @Test
  void push_wrongPassword_refusedWithoutShowingIt() throws Exception {
    PackageSpec spec = spec("wrong");
    assertThatThrownBy(() -> ContainerImage.build(spec, cache(),
        new RegistryPush(true, "kiln", "not-the-" + PASSWORD)))
        .isInstanceOf(DeployException.class)
        .hasMessageContaining("Pushing image '127.0.0.1:" + port + "/kiln/churn:7'")
        .hasMessageNotContaining(PASSWORD)
        .satisfies(e -> assertThat(((DeployException) e).hint().orElse(""))
            .contains("KILN_REGISTRY_PASSWORD"));
  }

  @Test
  void push_plainHttpNotAllowed_hintsInsecureRegistry() throws Exception {
    PackageSpec spec = spec("https-only");
    assertThatThrownBy(() -> ContainerImage.build(spec, cache(),
        new RegistryPush(false, "kiln", PASSWORD)))
        .isInstanceOf(DeployException.class)
        .hasMessageNotContaining(PASSWORD)
        .satisfies(e -> assertThat(((DeployException) e).hint().orElse(""))
            .contains("--insecure-registry"));
  }

  private static PackageSpec spec(String name) throws IOException {
    return PackageSpec.builder(TestBundles.write(work.resolve(name + "-bundle")),
        work.resolve(name)).image("127.0.0.1:" + port + "/kiln/churn:7")
        .kilnJar(emptyJar(), List.of()).build();
  }

  /** Stands for kiln.jar: one class using java.base only, so jlink makes a small runtime. */
  static final class Hello {
    public static void main(String[] args) {
      System.out.println("hello");
    }
  }

  /** A jar holding {@link Hello}: the image needs a kiln.jar, and this one builds quickly. */
  private static Path emptyJar() throws IOException {
    Path jar = work.resolve("kiln.jar");
    if (!Files.exists(jar)) {
      Manifest m = new Manifest();
      m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
      try (OutputStream out = Files.newOutputStream(jar);
          JarOutputStream j = new JarOutputStream(out, m)) {
        String name = Hello.class.getName().replace('.', '/') + ".class";
        j.putNextEntry(new java.util.jar.JarEntry(name));
        try (var in = Hello.class.getClassLoader().getResourceAsStream(name)) {
          in.transferTo(j);
        }
        j.closeEntry();
      }
    }
    return jar;
  }

  private static Path cache() {
    return Path.of("target", "kiln-cache").toAbsolutePath();
  }

  private static String get(String path) throws Exception {
    HttpResponse<String> r = HTTP.send(request(path, true).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    return r.body();
  }

  private static int status(String path) {
    try {
      return HTTP.send(request(path, false).build(), HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static HttpRequest.Builder request(String path, boolean signedIn) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Accept", "application/vnd.oci.image.manifest.v1+json");
    return signedIn ? b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
        ("kiln:" + PASSWORD).getBytes(StandardCharsets.UTF_8))) : b;
  }
}
