package dev.kiln.core.runner;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.kiln.core.KilnException;
import dev.kiln.core.ProjectLayout;
import dev.kiln.core.catalog.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Remembers, per node, the cache key of its last successful run and the hashes of the outputs it
 * wrote, in {@code <stateDir>/cache.json}. A node is fresh when its key is unchanged and its
 * outputs still have the recorded hashes.
 */
final class NodeCache {
  /** A node's last successful run: its key and the hashes of its outputs. */
  record Entry(String key, Map<String, String> outputs) {}

  private final Path file;
  private final Map<String, Entry> entries;

  private NodeCache(Path file, Map<String, Entry> entries) {
    this.file = file;
    this.entries = entries;
  }

  static NodeCache open(Path stateDir) {
    Path file = new ProjectLayout(stateDir).nodeCache();
    if (!Files.exists(file)) {
      return new NodeCache(file, new TreeMap<>());
    }
    try {
      return new NodeCache(file, Json.MAPPER.readValue(file.toFile(),
          new TypeReference<TreeMap<String, Entry>>() {}));
    } catch (IOException e) {
      // A damaged cache only costs reruns; start afresh rather than failing the run.
      return new NodeCache(file, new TreeMap<>());
    }
  }

  synchronized boolean isFresh(String node, String key, Map<String, String> currentOutputs) {
    Entry entry = entries.get(node);
    return entry != null && entry.key().equals(key) && entry.outputs().equals(currentOutputs);
  }

  synchronized void record(String node, String key, Map<String, String> outputs) {
    entries.put(node, new Entry(key, Map.copyOf(outputs)));
    try {
      AtomicFiles.writeCheckpoint(file, Json.MAPPER.writeValueAsBytes(entries));
    } catch (IOException e) {
      throw new KilnException("Cannot write node cache '" + file + "': " + e.getMessage(),
          "check that the project folder is writable, or run with --no-cache", e);
    }
  }
}
