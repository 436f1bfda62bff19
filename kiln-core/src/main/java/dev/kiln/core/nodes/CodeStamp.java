package dev.kiln.core.nodes;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;

/** Identifies the code of a class for caching: its jar (path, size, time) or its class file. */
final class CodeStamp {
  private CodeStamp() {}

  static String of(Class<?> cls) {
    try {
      CodeSource source = cls.getProtectionDomain().getCodeSource();
      if (source == null || source.getLocation() == null) {
        return "jdk:" + Runtime.version();
      }
      Path location = Path.of(source.getLocation().toURI());
      if (Files.isRegularFile(location)) {
        return location + ":" + Files.size(location) + ":" + Files.getLastModifiedTime(location);
      }
      URL file = cls.getResource(cls.getSimpleName() + ".class");
      Path classFile = file == null ? location : Path.of(file.toURI());
      return classFile + ":" + Files.getLastModifiedTime(classFile);
    } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
      return "class:" + cls.getName();
    }
  }
}
