package dev.kiln.quality.validation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.kiln.core.config.ConfigException;
import dev.kiln.core.config.YamlFiles;
import dev.kiln.data.Column;
import dev.kiln.data.ColumnType;
import dev.kiln.data.Frame;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A data schema: rules per column and bounds on the row count, read from YAML:
 *
 * <pre>
 * rows: {min: 100}
 * columns:
 *   price: {type: double, nullable: false, min: 0, policy: quarantine}
 *   fuel: {type: string, categories: [petrol, diesel, electric, hybrid], policy: quarantine}
 * </pre>
 *
 * @param columns rules by column name
 * @param rows row-count bounds, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Schema(Map<String, ColumnRule> columns, RowBounds rows) {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER))
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(com.fasterxml.jackson.databind.MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS);

  /**
   * Bounds on the number of rows.
   *
   * @param min at least this many rows, or null
   * @param max at most this many rows, or null
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record RowBounds(Long min, Long max) {}

  /** Copies the map, keeping the order. */
  public Schema {
    columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
  }

  /**
   * Reads a schema file.
   *
   * @throws ConfigException naming the file and the problem (unknown key, wrong type)
   */
  public static Schema read(Path file) {
    Map<String, Object> raw = YamlFiles.readMap(file);
    try {
      Schema schema = YAML.convertValue(raw, Schema.class);
      schema.columns().forEach((name, rule) -> checkRegex(file, name, rule));
      return schema;
    } catch (IllegalArgumentException e) {
      throw new ConfigException("Schema '" + file + "' is invalid: "
          + e.getMessage().lines().findFirst().orElse(""), "see docs/validation.md for the keys");
    }
  }

  private static void checkRegex(Path file, String column, ColumnRule rule) {
    if (rule.regex() == null) {
      return;
    }
    try {
      java.util.regex.Pattern.compile(rule.regex());
    } catch (java.util.regex.PatternSyntaxException e) {
      throw new ConfigException("Schema '" + file + "' column '" + column + "' has an invalid"
          + " regex: " + e.getDescription() + ".", "fix the pattern (Java regex syntax)");
    }
  }

  /** Drafts a schema from data: types, nullability, ranges, and categories (up to 20). */
  public static Schema infer(Frame frame) {
    Map<String, ColumnRule> rules = new LinkedHashMap<>();
    for (Column c : frame.columns()) {
      Boolean nullable = c.nullCount() > 0 ? null : Boolean.FALSE;
      if (c.type() == ColumnType.STRING) {
        TreeSet<String> values = new TreeSet<>();
        for (int i = 0; i < c.size() && values.size() <= 20; i++) {
          if (!c.isNull(i)) {
            values.add((String) c.get(i));
          }
        }
        rules.put(c.name(), ColumnRule.of(c.type()).withNullable(nullable)
            .withCategories(values.size() <= 20 ? List.copyOf(values) : null));
      } else {
        double[] v = java.util.Arrays.stream(c.toDoubleArray()).filter(Double::isFinite).toArray();
        Double min = v.length == 0 ? null : java.util.Arrays.stream(v).min().getAsDouble();
        Double max = v.length == 0 ? null : java.util.Arrays.stream(v).max().getAsDouble();
        rules.put(c.name(), ColumnRule.of(c.type()).withNullable(nullable)
            .withRange(min, max));
      }
    }
    return new Schema(rules, new RowBounds(1L, null));
  }

  /** Returns the schema as YAML. */
  public String toYaml() {
    try {
      return YAML.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("schemas are plain records", e);
    }
  }
}
