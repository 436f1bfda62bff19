package dev.kiln.tracking.internal.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.tracking.ArtifactInfo;
import dev.kiln.tracking.ArtifactStore;
import dev.kiln.tracking.ArtifactStores;
import dev.kiln.tracking.InvalidParameterException;
import dev.kiln.tracking.ResourceNotFoundException;
import dev.kiln.tracking.S3Config;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the S3 artifact store against a real in-process S3 API server (s3proxy, in memory). */
class S3ArtifactStoreTest {
  private static S3Proxy proxy;
  private static BlobStoreContext blobs;

  @BeforeAll
  static void start() throws Exception {
    blobs = ContextBuilder.newBuilder("transient").credentials("id", "cred")
        .build(BlobStoreContext.class);
    blobs.getBlobStore().createContainerInLocation(null, "kiln");
    proxy = S3Proxy.builder().blobStore(blobs.getBlobStore())
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "access", "secret")
        .endpoint(URI.create("http://127.0.0.1:0")).build();
    proxy.start();
    while (!"STARTED".equals(proxy.getState())) {
      Thread.sleep(5);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    proxy.stop();
    blobs.close();
  }

  private static ArtifactStore store(String prefix) {
    return ArtifactStores.s3(new S3Config(URI.create("http://127.0.0.1:" + proxy.getPort()),
        "us-east-1", "kiln", prefix, "access", "secret", S3Config.MIN_PART_SIZE));
  }

  private static byte[] read(ArtifactStore store, String path) throws Exception {
    try (InputStream in = store.get(path)) {
      return in.readAllBytes();
    }
  }

  @Test
  void put_smallAndMultipart_readBackAndList() throws Exception {
    ArtifactStore store = store("exp1/run1");
    byte[] big = new byte[S3Config.MIN_PART_SIZE * 2 + 1234];
    new Random(7).nextBytes(big);
    store.put("model/model.json", new ByteArrayInputStream(big));
    store.put("notes.txt", new ByteArrayInputStream("hi".getBytes(StandardCharsets.UTF_8)));
    assertThat(read(store, "model/model.json")).isEqualTo(big);
    assertThat(store.list("")).containsExactly(new ArtifactInfo("model", true, -1),
        new ArtifactInfo("notes.txt", false, 2));
    assertThat(store.list("model")).containsExactly(
        new ArtifactInfo("model/model.json", false, big.length));
  }

  @Test
  void delete_directory_removesObjectsAndGetThrowsNotFound() {
    ArtifactStore store = store("exp1/run2");
    store.put("d/a.txt", new ByteArrayInputStream(new byte[] {1}));
    store.put("d/e/b.txt", new ByteArrayInputStream(new byte[] {2}));
    store.delete("d");
    assertThat(store.list("")).isEmpty();
    assertThatThrownBy(() -> store.get("d/a.txt")).isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> store.put("../x", new ByteArrayInputStream(new byte[0])))
        .isInstanceOf(InvalidParameterException.class);
  }
}
