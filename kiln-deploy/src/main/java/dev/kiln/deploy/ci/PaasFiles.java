package dev.kiln.deploy.ci;

import dev.kiln.core.catalog.AtomicFiles;
import dev.kiln.deploy.DeployException;
import dev.kiln.deploy.PackageSpec;
import dev.kiln.deploy.Template;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A folder a Heroku-style platform deploys as it is: {@code Procfile} (a web process serving
 * the bundle on {@code $PORT}), {@code system.properties} (the Java version), kiln.jar, its
 * optional jars and the bundle.
 */
public final class PaasFiles {
  private PaasFiles() {}

  /**
   * Writes the folder.
   *
   * @throws DeployException if the spec has no kiln.jar
   */
  public static List<Path> write(PackageSpec spec) throws IOException {
    if (spec.kilnJar() == null) {
      throw new DeployException("The PaaS folder needs the runnable kiln.jar, and this kiln does"
          + " not run from one.", "run the packaged kiln (./kiln), or pass --kiln-jar PATH");
    }
    Path out = Files.createDirectories(spec.out());
    List<Path> written = new ArrayList<>();
    for (String name : List.of("Procfile", "system.properties")) {
      Path file = out.resolve(name);
      AtomicFiles.write(file, Template.of("paas/" + name).render(Map.of())
          .getBytes(StandardCharsets.UTF_8));
      written.add(file);
    }
    written.add(Files.copy(spec.kilnJar(), out.resolve("kiln.jar"),
        StandardCopyOption.REPLACE_EXISTING));
    for (Path plugin : spec.plugins()) {
      written.add(Files.copy(plugin, Files.createDirectories(out.resolve("lib"))
          .resolve(plugin.getFileName()), StandardCopyOption.REPLACE_EXISTING));
    }
    Path model = out.resolve("model");
    try (Stream<Path> walk = Files.walk(spec.bundle())) {
      for (Path p : walk.toList()) {
        Path dest = model.resolve(spec.bundle().relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    written.add(model);
    return written;
  }
}
