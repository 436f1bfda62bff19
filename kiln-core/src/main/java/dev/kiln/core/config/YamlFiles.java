package dev.kiln.core.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads YAML configuration files into maps, reporting syntax errors with file and line. */
public final class YamlFiles {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private YamlFiles() {}

  /**
   * Reads a YAML file whose top level is a mapping; an empty file gives an empty map.
   *
   * @throws ConfigException if the file cannot be read, is not valid YAML (naming the line and
   *     column), or its top level is not a mapping
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> readMap(Path file) {
    try {
      String text = Files.readString(file);
      if (text.isBlank()) {
        return new LinkedHashMap<>();
      }
      com.fasterxml.jackson.databind.JsonNode tree = YAML.readTree(text);
      if (tree == null || tree.isMissingNode() || tree.isNull()) {
        return new LinkedHashMap<>();
      }
      Object value = YAML.treeToValue(tree, Object.class);
      if (!(value instanceof Map<?, ?>)) {
        throw new ConfigException("'" + file + "' must contain a mapping of keys to values.",
            "write it as 'key: value' lines");
      }
      return (Map<String, Object>) value;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new ConfigException("'" + file + "' is not valid YAML" + where + ": "
          + e.getOriginalMessage(), "fix the syntax there (indentation, ':' after keys, quotes)", e);
    } catch (IOException e) {
      throw new ConfigException("Cannot read '" + file + "': " + e.getMessage(), null, e);
    }
  }

  /** Returns the shared YAML mapper (thread-safe once configured). */
  public static ObjectMapper mapper() {
    return YAML;
  }
}
