package dev.kiln.cli;

import dev.kiln.deploy.FetchAtStart;
import dev.kiln.deploy.PackageSpec;
import dev.kiln.deploy.Packager;
import dev.kiln.deploy.image.ContainerImage;
import java.io.PrintWriter;

/** What {@code kiln package} prints: the files written and how to run an image. */
final class PackageReport {
  private PackageReport() {}

  /** Prints the files of {@code result}, and for an image how to load and run it. */
  static void print(PrintWriter w, Packager.Result result, PackageSpec packaged) {
    result.files().forEach(f -> w.println("Wrote " + f));
    ContainerImage.Built image = result.image();
    if (image == null) {
      return;
    }
    FetchAtStart fetch = packaged.fetch();
    w.printf("Image %s (%d MB tarball%s). Run it:%n  podman load -i %s%n  podman run --rm"
        + " -p %d:%d %s%s%n", image.reference(), image.tarballBytes() >> 20, fetch == null ? ""
            : "; fetches " + FetchAtStart.modelUri(packaged.reference()) + " from "
                + fetch.trackingUri() + " at start", image.tarball(), packaged.port(),
        packaged.port(), fetch == null ? "" : "-e MLFLOW_TRACKING_TOKEN ", image.reference());
    if (image.pushedDigest() != null) {
      w.printf("Pushed %s (%s)%n", image.reference(), image.pushedDigest());
    }
  }
}
