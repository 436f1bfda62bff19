package dev.kiln.core.runner;

import dev.kiln.core.catalog.ContentHash;
import dev.kiln.core.pipeline.Node;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The code version of a node, for caching: its explicit version if it has one, otherwise a hash of
 * the code that defines it. For classes in a directory (a project's compiled sources) that is the
 * hash of every class file there, so any change to the project's code reruns its nodes; for a jar
 * it is the jar's path, size and modification time.
 */
final class CodeVersions {
  private final Map<String, String> byLocation = new ConcurrentHashMap<>();

  String of(Node node) {
    if (node.codeVersion().isPresent()) {
      return "explicit:" + node.codeVersion().get();
    }
    CodeSource source = node.codeClass().getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return "jdk:" + Runtime.version();
    }
    return byLocation.computeIfAbsent(source.getLocation().toString(), CodeVersions::hash);
  }

  private static String hash(String location) {
    try {
      Path path = Path.of(new java.net.URI(location));
      if (Files.isDirectory(path)) {
        return "classes:" + ContentHash.of(path);
      }
      return "jar:" + path + ":" + Files.size(path) + ":" + Files.getLastModifiedTime(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException | IllegalArgumentException e) {
      return "url:" + location;
    }
  }
}
