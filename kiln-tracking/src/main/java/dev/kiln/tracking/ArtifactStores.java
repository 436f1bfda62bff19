package dev.kiln.tracking;

import dev.kiln.tracking.internal.artifact.LocalArtifactStore;
import java.nio.file.Path;

/** Opens artifact stores. */
public final class ArtifactStores {
  private ArtifactStores() {}

  /** Returns a store of files under {@code root} on the local file system, creating it if absent. */
  public static ArtifactStore local(Path root) {
    return new LocalArtifactStore(root);
  }
}
