package dev.kiln.tracking.internal.search;

import dev.kiln.tracking.internal.search.Tokenizer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Parses the AND-only filter grammar of MLflow searches into {@link Comparison}s. */
public final class FilterParser {
  private static final Map<String, String> PREFIXES = Map.ofEntries(
      Map.entry("metrics", "metrics"), Map.entry("metric", "metrics"),
      Map.entry("params", "params"), Map.entry("param", "params"),
      Map.entry("parameters", "params"), Map.entry("parameter", "params"),
      Map.entry("tags", "tags"), Map.entry("tag", "tags"),
      Map.entry("attributes", "attributes"), Map.entry("attribute", "attributes"),
      Map.entry("attr", "attributes"), Map.entry("run", "attributes"),
      Map.entry("datasets", "datasets"), Map.entry("dataset", "datasets"));
  private static final Set<String> OPS = Set.of("=", "!=", ">", ">=", "<", "<=", "LIKE", "ILIKE");

  private final String filter;
  private final List<Token> tokens;
  private int pos;

  private FilterParser(String filter) {
    this.filter = filter;
    this.tokens = Tokenizer.tokenize(filter);
  }

  /**
   * Parses a filter; an empty or blank filter yields no comparisons.
   *
   * @throws dev.kiln.tracking.InvalidParameterException naming the problem and the grammar
   */
  public static List<Comparison> parse(String filter) {
    FilterParser parser = new FilterParser(filter == null ? "" : filter);
    List<Comparison> out = new ArrayList<>();
    while (parser.pos < parser.tokens.size()) {
      if (!out.isEmpty()) {
        parser.expectWord("AND");
      }
      out.add(parser.comparison());
    }
    return out;
  }

  /** Returns the canonical prefix for an alias such as {@code metric} or {@code attr}, or null. */
  static String canonicalPrefix(String alias) {
    return PREFIXES.get(alias.toLowerCase(Locale.ROOT));
  }

  private Comparison comparison() {
    Token ident = next("a key such as metrics.loss");
    String prefix = "attributes";
    String key = ident.text();
    int dot = key.indexOf('.');
    if (!ident.quoted() && dot > 0 && canonicalPrefix(key.substring(0, dot)) != null) {
      prefix = canonicalPrefix(key.substring(0, dot));
      key = key.substring(dot + 1);
      if (key.isEmpty()) {
        key = next("a quoted key after '" + ident.text() + "'").text();
      }
    }
    String op = next("an operator").text().toUpperCase(Locale.ROOT);
    if (op.equals("NOT")) {
      expectWord("IN");
      return new Comparison(prefix, key, "NOT IN", list());
    }
    if (op.equals("IN")) {
      return new Comparison(prefix, key, "IN", list());
    }
    if (!OPS.contains(op)) {
      throw Tokenizer.error(filter, "unknown operator '" + op + "'");
    }
    return new Comparison(prefix, key, op, List.of(value(next("a value after " + op))));
  }

  private List<Object> list() {
    expectWord("(");
    List<Object> values = new ArrayList<>();
    do {
      values.add(value(next("a value in the list")));
    } while (next("',' or ')'").text().equals(","));
    return values;
  }

  private Object value(Token token) {
    if (token.quoted()) {
      return token.text();
    }
    try {
      return Double.parseDouble(token.text());
    } catch (NumberFormatException e) {
      throw Tokenizer.error(filter, "value '" + token.text() + "' is neither a number nor 'quoted'");
    }
  }

  private Token next(String expected) {
    if (pos >= tokens.size()) {
      throw Tokenizer.error(filter, "expected " + expected + " at the end");
    }
    return tokens.get(pos++);
  }

  private void expectWord(String word) {
    Token token = next("'" + word + "'");
    if (token.quoted() || !token.text().equalsIgnoreCase(word)) {
      throw Tokenizer.error(filter, "expected '" + word + "' but found '" + token.text() + "'");
    }
  }
}
