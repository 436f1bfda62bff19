package dev.kiln.tracking;

import java.io.InputStream;
import java.util.List;

/**
 * Files of runs and model bundles under one root. Paths are relative, '/'-separated and confined
 * to the root: absolute paths, {@code ..} segments and symlinks leading outside are rejected with
 * {@link InvalidParameterException}. Writes are atomic: readers see the old file or the whole new
 * one, never a part.
 */
public interface ArtifactStore {
  /**
   * Stores the bytes of {@code content} at {@code path}, replacing any file there.
   *
   * @param path where to store, relative to the root
   * @param content the bytes; read to the end but not closed
   * @throws InvalidParameterException if the path escapes the root
   */
  void put(String path, InputStream content);

  /**
   * Opens a stored file; the caller closes the stream.
   *
   * @throws ResourceNotFoundException if there is no file at {@code path}
   */
  InputStream get(String path);

  /** Lists the direct children of a directory ("" for the root), sorted by path. */
  List<ArtifactInfo> list(String directory);

  /** Deletes a file or a directory tree; deleting a missing path does nothing. */
  void delete(String path);
}
