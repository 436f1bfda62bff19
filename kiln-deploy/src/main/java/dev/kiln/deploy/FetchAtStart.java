package dev.kiln.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * An image that fetches its model from a tracking server each time it starts, instead of
 * carrying the bundle: the registry alias it names can move without a new image.
 *
 * @param trackingUri the server's URI, set in the image as {@code KILN_TRACKING_URI} (a
 *     container can override it with {@code -e})
 * @param launcher the main class in kiln.jar that fetches the model, verifies it and serves it
 */
public record FetchAtStart(String trackingUri, String launcher) {
  /** Checks both are given. */
  public FetchAtStart {
    Objects.requireNonNull(trackingUri, "trackingUri");
    Objects.requireNonNull(launcher, "launcher");
  }

  /**
   * Returns MLflow's model URI of a registry reference: {@code fraud@champion} becomes {@code
   * models:/fraud@champion}, {@code fraud:3} becomes {@code models:/fraud/3}.
   */
  public static String modelUri(String reference) {
    int colon = reference.lastIndexOf(':');
    return "models:/" + (reference.indexOf('@') < 0 && colon > 0
        ? reference.substring(0, colon) + "/" + reference.substring(colon + 1) : reference);
  }

  /**
   * Creates the empty folder a starting image downloads its model into, under the system's
   * temporary folder (the container's own scratch space).
   *
   * @throws IOException if the folder cannot be created
   */
  public static Path newModelFolder() throws IOException {
    return Files.createTempDirectory("kiln-model");
  }
}
