package dev.kiln.serving;

import dev.kiln.ml.bundle.LoadedBundle;

/**
 * Where a served model comes from: a bundle on disk or a registry reference such as
 * {@code fraud-detection@champion}. The server polls {@link #currentKey()} and reloads when it
 * changes.
 */
public interface ModelSource {
  /** Returns the reference as the user wrote it. */
  String reference();

  /** Returns the model name requests use. */
  String modelName();

  /**
   * Returns what identifies the version that should serve now (cheap to call).
   *
   * @throws dev.kiln.core.KilnException if the source cannot be reached or resolved
   */
  String currentKey();

  /**
   * Loads and verifies the version identified by {@code key}.
   *
   * @throws dev.kiln.core.KilnException if it cannot be loaded or is refused
   */
  Loaded load(String key);

  /** A loaded version with its label. */
  record Loaded(String version, LoadedBundle bundle) {}
}
