package dev.kiln.tracking;

import dev.kiln.core.OptionalSupport;
import dev.kiln.tracking.internal.artifact.LocalArtifactStore;
import dev.kiln.tracking.internal.artifact.S3ArtifactStore;
import java.nio.file.Path;

/** Opens artifact stores. */
public final class ArtifactStores {
  /** The AWS SDK's S3 client, which the slim kiln.jar finds in lib/kiln-s3.jar. */
  public static final OptionalSupport S3_SUPPORT = new OptionalSupport("S3 artifact stores",
      "software.amazon.awssdk.services.s3.S3Client", "kiln-s3.jar", "software.amazon.awssdk:s3");

  private ArtifactStores() {}

  /** Returns a store of files under {@code root} on the local file system, creating it if absent. */
  public static ArtifactStore local(Path root) {
    return new LocalArtifactStore(root);
  }

  /**
   * Returns a store of objects in an S3-compatible bucket; path-style addressing is used.
   *
   * @throws dev.kiln.core.KilnException if the S3 client is not on the class path
   */
  public static ArtifactStore s3(S3Config config) {
    S3_SUPPORT.require();
    return new S3ArtifactStore(config);
  }
}
