package dev.kiln.core.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value that remembers where it was written, so configuration errors can name the file and
 * line. Scalars hold a String, Number, Boolean or null; mappings a {@code Map<String, YamlNode>};
 * sequences a {@code List<YamlNode>}. The line of a mapping's value is the line of its key.
 *
 * @param value the scalar, map or list
 * @param file the file it was read from
 * @param line the 1-based line
 */
public record YamlNode(Object value, Path file, int line) {

  /**
   * Reads a YAML file whose top level is a mapping; an empty file gives an empty mapping.
   *
   * @throws ConfigException if the file cannot be read, is not valid YAML (naming the line) or
   *     its top level is not a mapping
   */
  public static YamlNode read(Path file) {
    try (JsonParser parser = YamlFiles.mapper().getFactory().createParser(Files.readString(file))) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return new YamlNode(new LinkedHashMap<String, YamlNode>(), file, 1);
      }
      YamlNode root = parse(parser, file, line(parser));
      if (!root.isMap()) {
        throw new ConfigException("'" + file + "' must contain a mapping of keys to values.",
            "write it as 'key: value' lines");
      }
      return root;
    } catch (JsonProcessingException e) {
      int at = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new ConfigException(file + ":" + at + ": not valid YAML: " + e.getOriginalMessage(),
          "fix the syntax there (indentation, ':' after keys, quotes)", e);
    } catch (IOException e) {
      throw new ConfigException("Cannot read '" + file + "': " + e.getMessage(), null, e);
    }
  }

  private static YamlNode parse(JsonParser p, Path file, int line) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_OBJECT) {
      Map<String, YamlNode> map = new LinkedHashMap<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        int keyLine = line(p);
        p.nextToken();
        if (map.put(key, parse(p, file, keyLine)) != null) {
          throw new ConfigException(file + ":" + keyLine + ": key '" + key + "' appears twice.",
              "keep one of them");
        }
      }
      return new YamlNode(Collections.unmodifiableMap(map), file, line);
    }
    if (t == JsonToken.START_ARRAY) {
      List<YamlNode> list = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        list.add(parse(p, file, line(p)));
      }
      return new YamlNode(Collections.unmodifiableList(list), file, line);
    }
    Object scalar = switch (t) {
      case VALUE_NUMBER_INT -> p.getNumberValue();
      case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      default -> p.getText();
    };
    return new YamlNode(scalar, file, line);
  }

  private static int line(JsonParser p) {
    return p.currentTokenLocation().getLineNr();
  }

  /** Returns whether this is a mapping. */
  public boolean isMap() {
    return value instanceof Map<?, ?>;
  }

  /** Returns whether this is a sequence. */
  public boolean isList() {
    return value instanceof List<?>;
  }

  /** Returns whether this is a string scalar. */
  public boolean isString() {
    return value instanceof String;
  }

  /**
   * Returns the mapping.
   *
   * @throws ConfigException naming the place and {@code what} if this is not a mapping
   */
  @SuppressWarnings("unchecked")
  public Map<String, YamlNode> map(String what) {
    if (!isMap()) {
      throw error("'" + what + "' must be a mapping (key: value lines), got " + describe() + ".",
          null);
    }
    return (Map<String, YamlNode>) value;
  }

  /**
   * Returns the sequence; a single scalar counts as a sequence of one.
   *
   * @throws ConfigException if this is a mapping
   */
  @SuppressWarnings("unchecked")
  public List<YamlNode> list(String what) {
    if (isList()) {
      return (List<YamlNode>) value;
    }
    if (isMap()) {
      throw error("'" + what + "' must be a list, got a mapping.", "write it as [a, b]");
    }
    return List.of(this);
  }

  /**
   * Returns the scalar as text.
   *
   * @throws ConfigException if this is a mapping, a list or null
   */
  public String text(String what) {
    if (value == null || isMap() || isList()) {
      throw error("'" + what + "' must be a single value, got " + describe() + ".", null);
    }
    return String.valueOf(value);
  }

  /** Returns the value as plain Java maps, lists and scalars (no positions). */
  public Object plain() {
    if (isMap()) {
      Map<String, Object> out = new LinkedHashMap<>();
      map("").forEach((k, v) -> out.put(k, v.plain()));
      return out;
    }
    if (isList()) {
      return list("").stream().map(YamlNode::plain).toList();
    }
    return value;
  }

  /** Returns {@code file:line}, the prefix of messages about this value. */
  public String where() {
    return file + ":" + line;
  }

  /** Returns a configuration error prefixed with this value's file and line. */
  public ConfigException error(String message, String hint) {
    return new ConfigException(where() + ": " + message, hint);
  }

  private String describe() {
    return isMap() ? "a mapping" : isList() ? "a list" : value == null ? "nothing" : "'" + value
        + "'";
  }
}
