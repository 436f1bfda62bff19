package dev.kiln.cli;

import dev.kiln.deploy.jar.ModelJar;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

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
    Path dir = Files.createTempDirectory("kiln-model");
    try (JarFile file = new JarFile(jar.toFile())) {
      for (JarEntry e : file.stream().toList()) {
        if (e.getName().startsWith(ModelJar.BUNDLE_FOLDER) && !e.isDirectory()) {
          Path target = dir.resolve(e.getName().substring(ModelJar.BUNDLE_FOLDER.length()))
              .normalize();
          if (!target.startsWith(dir)) {
            throw new IOException("unsafe bundle entry " + e.getName());
          }
          Files.createDirectories(target.getParent());
          try (InputStream in = file.getInputStream(e)) {
            Files.copy(in, target);
          }
        }
      }
    }
    List<String> serve = new ArrayList<>(List.of("serve", dir.toString(), "--no-reload"));
    serve.addAll(List.of(args));
    Main.main(serve.toArray(String[]::new));
  }
}
