package dev.kiln.cli;

import dev.kiln.deploy.jar.ModelJar;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/**
 * The main class of a model jar ({@code kiln package --target jar}): unpacks the bundle it
 * carries into a temporary folder and runs {@code kiln serve} on it with the given options.
 */
public final class ModelJarMain {
  private ModelJarMain() {}

  /** Serves the embedded bundle; arguments are {@code kiln serve} options. */
  public static void main(String[] args) throws IOException, URISyntaxException {
    Path jar = Path.of(ModelJarMain.class.getProtectionDomain().getCodeSource().getLocation()
        .toURI());
    Main.main(FixedBundleServe.arguments(ModelJar.unpackBundle(jar), List.of(args)));
  }
}
