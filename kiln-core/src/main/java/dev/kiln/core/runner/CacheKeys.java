package dev.kiln.core.runner;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.kiln.core.catalog.ContentHash;
import dev.kiln.core.catalog.DataCatalog;
import dev.kiln.core.pipeline.DatasetRef;
import dev.kiln.core.pipeline.Node;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Computes a node's cache key: a hash of its code version and of each input's content. A
 * persisted input's content is the hash of its file; a parameter's is the hash of its value; an
 * in-memory input's is the key of the node that produced it. Inputs that cannot be hashed (e.g. a
 * database table) make the node uncacheable (null key).
 */
final class CacheKeys {
  private static final String UNHASHABLE = "";
  private final DataCatalog catalog;
  private final CodeVersions codeVersions = new CodeVersions();
  private final Map<String, String> hashes = new ConcurrentHashMap<>();

  CacheKeys(DataCatalog catalog) {
    this.catalog = catalog;
  }

  String keyOf(Node node) {
    StringBuilder text = new StringBuilder("code=").append(codeVersions.of(node));
    for (DatasetRef<?> in : node.inputs()) {
      String hash = inputHash(in.name());
      if (hash == null) {
        recordMemoryOutputs(node, null);
        return null;
      }
      text.append('\n').append(in.name()).append('=').append(hash);
    }
    String key = ContentHash.of(text.toString());
    recordMemoryOutputs(node, key);
    return key;
  }

  /** Returns the current hashes of a node's persisted outputs, or null if one is unhashable. */
  Map<String, String> outputHashes(Node node) {
    Map<String, String> result = new TreeMap<>();
    for (DatasetRef<?> out : node.outputs()) {
      if (!catalog.isPersisted(out.name())) {
        return null;
      }
      hashes.remove(out.name());
      String hash = fileHash(out.name());
      if (hash == null) {
        return null;
      }
      result.put(out.name(), hash);
    }
    return result;
  }

  /** Returns the hashes of the persisted datasets seen so far, by name. */
  Map<String, String> datasetHashes() {
    Map<String, String> result = new TreeMap<>();
    hashes.forEach((k, v) -> {
      if (!v.equals(UNHASHABLE) && !k.startsWith("memory:")) {
        result.put(k, v);
      }
    });
    return result;
  }

  private void recordMemoryOutputs(Node node, String key) {
    for (DatasetRef<?> out : node.outputs()) {
      if (!catalog.isPersisted(out.name())) {
        hashes.put("memory:" + out.name(), key == null ? UNHASHABLE : key + "/" + out.name());
      }
    }
  }

  private String inputHash(String name) {
    if (DatasetRef.isParameter(name)) {
      try {
        return ContentHash.of(Json.MAPPER.writeValueAsString(catalog.dataset(name).load()));
      } catch (JsonProcessingException e) {
        return null;
      }
    }
    if (!catalog.isPersisted(name)) {
      String hash = hashes.get("memory:" + name);
      return hash == null || hash.equals(UNHASHABLE) ? null : hash;
    }
    return fileHash(name);
  }

  private String fileHash(String name) {
    String hash = hashes.computeIfAbsent(name, n -> {
      Optional<Path> location = catalog.dataset(n).location();
      if (location.isEmpty() || !java.nio.file.Files.exists(location.get())) {
        return UNHASHABLE;
      }
      try {
        return ContentHash.of(location.get());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    return hash.equals(UNHASHABLE) ? null : hash;
  }
}
