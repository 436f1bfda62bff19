package dev.kiln.tracking.internal.search;

import dev.kiln.tracking.InvalidParameterException;
import dev.kiln.tracking.internal.search.SearchSchema.KeyedTable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Compiles parsed filters and order-by clauses to SQL over a {@link SearchSchema}. */
public final class SqlCompiler {
  private static final Set<String> NUMBER_OPS = Set.of("=", "!=", ">", ">=", "<", "<=");
  private static final Set<String> STRING_OPS = Set.of("=", "!=", "LIKE", "ILIKE", "IN", "NOT IN");

  private final SearchSchema schema;

  /** Creates a compiler for one entity. */
  public SqlCompiler(SearchSchema schema) {
    this.schema = schema;
  }

  /** Returns a WHERE condition (without the keyword; {@code 1=1} when empty). */
  public SqlFragment where(String filter) {
    List<String> parts = new ArrayList<>(List.of("1=1"));
    List<Object> args = new ArrayList<>();
    for (Comparison c : FilterParser.parse(filter)) {
      parts.add(condition(c, args));
    }
    return new SqlFragment(String.join(" AND ", parts), args);
  }

  private String condition(Comparison c, List<Object> args) {
    KeyedTable keyed = schema.keyed().get(c.prefix());
    if (keyed != null) {
      args.add(c.key());
      String test = compare("v.value", keyed.numeric(), c, args);
      return "EXISTS (SELECT 1 FROM " + keyed.table() + " v WHERE v." + keyed.fk() + " = "
          + schema.idColumn() + " AND v.key = ? AND " + test + ")";
    }
    if (c.prefix().equals("datasets") && schema.datasetColumns().containsKey(c.key())) {
      String test = compare("d." + schema.datasetColumns().get(c.key()), false, c, args);
      return "EXISTS (SELECT 1 FROM dataset_inputs d WHERE d.run_id = " + schema.idColumn()
          + " AND " + test + ")";
    }
    String column = schema.attributes().get(c.key());
    if (!c.prefix().equals("attributes") || column == null) {
      throw unknown(c.prefix() + "." + c.key());
    }
    return compare(column, schema.numeric().contains(c.key()), c, args);
  }

  private static String compare(String column, boolean numeric, Comparison c, List<Object> args) {
    Set<String> allowed = numeric ? NUMBER_OPS : STRING_OPS;
    if (!allowed.contains(c.op())) {
      throw new InvalidParameterException(
          "Operator '" + c.op() + "' is not allowed on " + c.prefix() + "." + c.key() + ".",
          "Use one of " + new java.util.TreeSet<>(allowed) + ".");
    }
    for (Object v : c.values()) {
      if (numeric != (v instanceof Double)) {
        throw new InvalidParameterException(
            "Value '" + v + "' for " + c.prefix() + "." + c.key() + " has the wrong type.",
            numeric ? "Compare it with a number." : "Quote the value: '" + v + "'.");
      }
      args.add(v);
    }
    return switch (c.op()) {
      case "ILIKE" -> "LOWER(" + column + ") LIKE LOWER(?)";
      case "IN", "NOT IN" -> column + " " + c.op() + " ("
          + String.join(", ", Collections.nCopies(c.values().size(), "?")) + ")";
      default -> column + " " + c.op() + " ?";
    };
  }

  /**
   * Returns ORDER BY expressions (without the keyword) for clauses like {@code metrics.rmse DESC};
   * missing values sort last; {@code tieBreak} is appended.
   */
  public SqlFragment orderBy(List<String> clauses, String tieBreak) {
    List<String> parts = new ArrayList<>();
    List<Object> args = new ArrayList<>();
    for (String clause : clauses) {
      String[] words = clause.trim().split("\\s+");
      boolean desc = words.length > 1 && words[words.length - 1].equalsIgnoreCase("DESC");
      boolean asc = words.length > 1 && words[words.length - 1].equalsIgnoreCase("ASC");
      String field = desc || asc ? clause.trim().substring(0, clause.trim().lastIndexOf(' ')).trim()
          : clause.trim();
      List<Object> exprArgs = new ArrayList<>();
      String expr = sortExpression(field.replace("`", "").replace("\"", ""), exprArgs);
      args.addAll(exprArgs);
      args.addAll(exprArgs);
      parts.add("CASE WHEN " + expr + " IS NULL THEN 1 ELSE 0 END, " + expr + (desc ? " DESC" : ""));
    }
    parts.add(tieBreak);
    return new SqlFragment(String.join(", ", parts), args);
  }

  private String sortExpression(String field, List<Object> args) {
    int dot = field.indexOf('.');
    String prefix = dot > 0 ? FilterParser.canonicalPrefix(field.substring(0, dot)) : null;
    String key = prefix == null ? field : field.substring(dot + 1);
    KeyedTable keyed = prefix == null ? null : schema.keyed().get(prefix);
    if (keyed != null) {
      args.add(key);
      return "(SELECT v.value FROM " + keyed.table() + " v WHERE v." + keyed.fk() + " = "
          + schema.idColumn() + " AND v.key = ?)";
    }
    String column = prefix == null || prefix.equals("attributes") ? schema.attributes().get(key) : null;
    if (column == null) {
      throw unknown(field);
    }
    return column;
  }

  private InvalidParameterException unknown(String field) {
    return new InvalidParameterException(
        "Unknown search field '" + field + "'.",
        "Use metrics.*, params.*, tags.* or one of the attributes "
            + new java.util.TreeSet<>(schema.attributes().keySet()) + ".");
  }
}
