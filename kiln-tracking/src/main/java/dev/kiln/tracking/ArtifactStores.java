package dev.kiln.tracking;

import dev.kiln.tracking.internal.artifact.LocalArtifactStore;
import dev.kiln.tracking.internal.artifact.S3ArtifactStore;
import java.nio.file.Path;

/** Opens artifact stores. */
public final class ArtifactStores {
  private ArtifactStores() {}

  /** Returns a store of files under {@code root} on the local file system, creating it if absent. */
  public static ArtifactStore local(Path root) {
    return new LocalArtifactStore(root);
  }

  /** Returns a store of objects in an S3-compatible bucket; path-style addressing is used. */
  public static ArtifactStore s3(S3Config config) {
    return new S3ArtifactStore(config);
  }
}
