package dev.kiln.core.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A project's configuration for one environment: {@code conf/base} overridden by
 * {@code conf/<env>}, then by runtime parameter overrides.
 *
 * <ul>
 *   <li>catalog: {@code catalog*.yml}; an entry in the environment replaces the base entry;
 *   <li>parameters: {@code parameters*.yml}, deep-merged, then {@code --params a.b=3};
 *   <li>credentials: {@code credentials*.yml}, values may be {@code ${env:VAR}};
 *   <li>settings: {@code kiln.yml} (project name, pipeline registry, hooks).
 * </ul>
 *
 * @param projectDir the project root
 * @param env the environment name, e.g. {@code local}
 * @param catalog catalog entries by dataset name or pattern
 * @param parameters the merged parameters
 * @param credentials credential sets by name; never logged
 * @param settings the merged {@code kiln.yml}
 */
public record ProjectConfig(Path projectDir, String env, Map<String, Object> catalog,
    Map<String, Object> parameters, Map<String, Map<String, String>> credentials,
    Map<String, Object> settings) {

  private static final Pattern ENV_REF = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");

  /** Copies the maps. */
  public ProjectConfig {
    catalog = Collections.unmodifiableMap(new LinkedHashMap<>(catalog));
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    credentials = Map.copyOf(credentials);
    settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
  }

  /**
   * Loads the configuration of a project for an environment.
   *
   * @param overrides runtime parameter overrides as {@code dotted.key=value}; values are YAML
   * @throws ConfigException if a file is malformed, an override has no '=', or a named
   *     environment other than {@code local} has no folder
   */
  public static ProjectConfig load(Path projectDir, String env, List<String> overrides) {
    Path conf = projectDir.resolve("conf");
    Path base = conf.resolve("base");
    Path envDir = conf.resolve(env);
    if (!Files.isDirectory(envDir) && !"local".equals(env)) {
      throw new ConfigException("Environment '" + env + "' has no folder '" + envDir + "'.",
          "create it, or choose one of " + listEnvs(conf));
    }
    Map<String, Object> catalog = merge(base, envDir, "catalog", false);
    Map<String, Object> params = merge(base, envDir, "parameters", true);
    for (String override : overrides) {
      params = applyOverride(params, override);
    }
    Map<String, Object> settings = merge(base, envDir, "kiln", true);
    Map<String, Map<String, String>> creds = credentials(merge(base, envDir, "credentials", true));
    return new ProjectConfig(projectDir, env, catalog, params, creds, settings);
  }

  private static Map<String, Object> merge(Path base, Path env, String prefix, boolean deep) {
    Map<String, Object> baseMap = readAll(base, prefix);
    Map<String, Object> envMap = readAll(env, prefix);
    if (deep) {
      return ConfigMaps.merge(baseMap, envMap);
    }
    Map<String, Object> result = new LinkedHashMap<>(baseMap);
    result.putAll(envMap);
    return result;
  }

  /** Reads {@code <prefix>*.yml} files of one folder; a key in two files is an error. */
  private static Map<String, Object> readAll(Path dir, String prefix) {
    Map<String, Object> result = new LinkedHashMap<>();
    Map<String, Path> origin = new LinkedHashMap<>();
    for (Path file : files(dir, prefix)) {
      YamlFiles.readMap(file).forEach((key, value) -> {
        Path first = origin.putIfAbsent(key, file);
        if (first != null) {
          throw new ConfigException("Key '" + key + "' is defined in both '" + first + "' and '"
              + file + "'.", "keep one definition per environment folder");
        }
        result.put(key, value);
      });
    }
    return result;
  }

  private static List<Path> files(Path dir, String prefix) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> {
        String n = p.getFileName().toString();
        return n.startsWith(prefix) && (n.endsWith(".yml") || n.endsWith(".yaml"));
      }).sorted().toList();
    } catch (IOException e) {
      throw new ConfigException("Cannot list '" + dir + "': " + e.getMessage(), null, e);
    }
  }

  private static Map<String, Object> applyOverride(Map<String, Object> params, String override) {
    int eq = override.indexOf('=');
    if (eq <= 0) {
      throw new ConfigException("Parameter override '" + override + "' is not 'key=value'.",
          "write it like --params model.max_depth=6");
    }
    String raw = override.substring(eq + 1);
    Object value;
    try {
      value = raw.isEmpty() ? "" : YamlFiles.mapper().readValue(raw, Object.class);
    } catch (IOException e) {
      value = raw;
    }
    String key = override.substring(0, eq).trim();
    checkKnown(params, key);
    return ConfigMaps.with(params, key, value);
  }

  /**
   * Refuses an override key that no parameters file defines: unknown at the top level or under a
   * missing mapping, or a new key beside a similar one (a typo such as {@code max_depht}). A new
   * key under an existing mapping with no similar sibling is allowed ({@code
   * train.params.tree_method}: free-form library options).
   */
  private static void checkKnown(Map<String, Object> params, String key) {
    if (params.containsKey(key) || ConfigMaps.get(params, key) != null) {
      return;
    }
    int dot = key.lastIndexOf('.');
    Object parent = dot < 0 ? null : ConfigMaps.get(params, key.substring(0, dot));
    java.util.Set<String> known = new java.util.TreeSet<>();
    keys(params, "", known);
    java.util.Optional<String> closest = dev.kiln.core.pipeline.Names.closest(key, known);
    if (parent instanceof Map<?, ?> siblings) {
      String prefix = key.substring(0, dot + 1);
      closest = dev.kiln.core.pipeline.Names.closest(key.substring(dot + 1), siblings.keySet()
          .stream().map(String::valueOf).toList()).map(c -> prefix + c);
      if (closest.isEmpty()) {
        return;
      }
    }
    throw new ConfigException("Unknown parameter '" + key + "' in --params: no parameters*.yml"
        + " file defines it.", closest.map(c -> "did you mean '" + c + "'? ").orElse("")
        + "add it to conf/base/parameters.yml first to introduce a new parameter");
  }

  private static void keys(Map<?, ?> map, String prefix, java.util.Set<String> out) {
    map.forEach((k, v) -> {
      out.add(prefix + k);
      if (v instanceof Map<?, ?> m) {
        keys(m, prefix + k + ".", out);
      }
    });
  }

  private static Map<String, Map<String, String>> credentials(Map<String, Object> raw) {
    Map<String, Map<String, String>> result = new LinkedHashMap<>();
    raw.forEach((name, value) -> {
      if (!(value instanceof Map<?, ?> entries)) {
        throw new ConfigException("Credentials '" + name + "' must be a mapping of keys to values.",
            "write it as '" + name + ": {username: ..., password: ${env:DB_PASSWORD}}'");
      }
      Map<String, String> resolved = new LinkedHashMap<>();
      entries.forEach((k, v) -> resolved.put(String.valueOf(k), resolveEnv(name, String.valueOf(v))));
      result.put(name, Map.copyOf(resolved));
    });
    return result;
  }

  private static String resolveEnv(String credentials, String value) {
    Matcher m = ENV_REF.matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String v = System.getenv(m.group(1));
      if (v == null) {
        throw new ConfigException("Credentials '" + credentials + "' refer to environment variable '"
            + m.group(1) + "', which is not set.", "export " + m.group(1) + "=... before running");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(v));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static List<String> listEnvs(Path conf) {
    List<String> envs = new ArrayList<>();
    try (Stream<Path> s = Files.list(conf)) {
      s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().forEach(envs::add);
    } catch (IOException e) {
      return List.of();
    }
    return envs;
  }

  /**
   * Returns a section of {@code kiln.yml} holding string values, e.g. {@code register}, or an
   * empty map.
   *
   * @throws ConfigException if the key holds something other than a mapping
   */
  public Map<String, String> section(String dottedKey) {
    Object v = ConfigMaps.get(settings, dottedKey);
    if (v == null) {
      return Map.of();
    }
    if (!(v instanceof Map<?, ?> map)) {
      throw new ConfigException("kiln.yml: '" + dottedKey + "' must be a mapping, got '" + v
          + "'.", "write it as 'key: value' lines under '" + dottedKey + ":'");
    }
    Map<String, String> out = new java.util.LinkedHashMap<>();
    map.forEach((k, value) -> out.put(String.valueOf(k), String.valueOf(value)));
    return out;
  }

  /**
   * Returns a list setting of {@code kiln.yml} as strings, or an empty list.
   *
   * @throws ConfigException if the key holds something other than a list
   */
  public List<String> strings(String dottedKey) {
    Object v = ConfigMaps.get(settings, dottedKey);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof List<?> list)) {
      throw new ConfigException("kiln.yml: '" + dottedKey + "' must be a list, got '" + v
          + "'.", "write it as [a, b] or as '- a' lines");
    }
    return list.stream().map(String::valueOf).toList();
  }

  /** Returns a string setting from {@code kiln.yml}, if present. */
  public java.util.Optional<String> setting(String dottedKey) {
    Object v = ConfigMaps.get(settings, dottedKey);
    return v == null ? java.util.Optional.empty() : java.util.Optional.of(String.valueOf(v));
  }

  @Override
  public String toString() {
    return "ProjectConfig[" + projectDir + ", env=" + env + ", credentials=" + credentials.keySet()
        + "]";
  }
}
