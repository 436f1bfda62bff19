package dev.kiln.core.project;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.core.KilnException;
import dev.kiln.core.config.ConfigMaps;
import dev.kiln.core.config.ValueKinds;
import dev.kiln.core.config.YamlNode;
import dev.kiln.core.pipeline.DatasetRef;
import dev.kiln.core.pipeline.Node;
import dev.kiln.core.pipeline.Pipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Checks, before anything runs, that every parameter a node reads with a declared type
 * ({@code DatasetRef.param("split.seed", Integer.class)}) converts to it: {@code seed: 7.5} where
 * an integer is read is an error naming the file and line in {@code parameters*.yml} (or
 * {@code --params} when the value was overridden there).
 */
final class ParameterCheck {
  private static final ObjectMapper STRICT = ValueKinds.strict(new ObjectMapper());

  private ParameterCheck() {}

  /**
   * Checks the pipeline's parameter inputs against the merged parameters.
   *
   * @throws KilnException naming the parameter, its value, the expected type and where it is set
   */
  static void check(Project project, Pipeline pipeline, Map<String, Object> parameters) {
    for (Node node : pipeline.nodes()) {
      for (DatasetRef<?> ref : node.inputs()) {
        if (!ref.name().startsWith(DatasetRef.PARAMS_PREFIX) || ref.type() == Object.class) {
          continue;
        }
        String key = ref.name().substring(DatasetRef.PARAMS_PREFIX.length());
        Object value = ConfigMaps.get(parameters, key);
        if (value == null) {
          continue;
        }
        try {
          STRICT.convertValue(value, ref.type());
        } catch (IllegalArgumentException e) {
          throw new KilnException(where(project, key, value) + "parameter "
              + ValueKinds.mismatch(value, key, e) + " (read by node '" + node.name() + "').",
              "write it as " + ValueKinds.withArticle(ValueKinds.ofType(ref.type()))
              + " in parameters.yml or --params");
        }
      }
    }
  }

  /** Returns {@code file:line: } of the key's value, {@code --params: } if overridden there. */
  private static String where(Project project, String key, Object value) {
    Path conf = project.dir().resolve("conf");
    Optional<YamlNode> found = Stream.of(conf.resolve(project.config().env()), conf.resolve("base"))
        .flatMap(ParameterCheck::parameterFiles).map(f -> find(YamlNode.read(f), key))
        .filter(Objects::nonNull).findFirst();
    if (found.isEmpty()) {
      return "--params: ";
    }
    return Objects.equals(found.get().plain(), value) ? found.get().where() + ": " : "--params: ";
  }

  private static Stream<Path> parameterFiles(Path dir) {
    if (!Files.isDirectory(dir)) {
      return Stream.empty();
    }
    try (Stream<Path> s = Files.list(dir)) {
      List<Path> files = s.filter(p -> {
        String n = p.getFileName().toString();
        return n.startsWith("parameters") && (n.endsWith(".yml") || n.endsWith(".yaml"));
      }).sorted().toList();
      return files.stream();
    } catch (IOException e) {
      return Stream.empty();
    }
  }

  private static YamlNode find(YamlNode root, String key) {
    YamlNode at = root;
    for (String part : key.split("\\.")) {
      if (at == null || !at.isMap()) {
        return null;
      }
      at = at.map(key).get(part);
    }
    return at;
  }
}
