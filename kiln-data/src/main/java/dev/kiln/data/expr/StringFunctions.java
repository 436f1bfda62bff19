package dev.kiln.data.expr;

import dev.kiln.data.ColumnType;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Binds the text functions. Positions and lengths count characters (code points), from 1. */
final class StringFunctions {
  static final Set<String> NAMES = Set.of("lower", "upper", "trim", "ltrim", "rtrim", "length",
      "substr", "substring", "replace", "contains", "starts_with", "ends_with", "concat");

  private StringFunctions() {}

  static Node bind(Binder b, Ast.Call call, List<Node> args) {
    String name = call.name();
    if (name.equals("concat")) {
      Functions.arity(b, call, 1, Integer.MAX_VALUE);
      ColumnType[] types = args.stream().map(a -> a.type).toArray(ColumnType[]::new);
      return FunctionNode.strict(ColumnType.STRING, args, (in, out) -> {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < in.length; i++) {
          s.append(Casts.text(types[i], in[i]));
        }
        out.setString(s.toString());
      });
    }
    boolean substr = name.equals("substr") || name.equals("substring");
    int min = switch (name) {
      case "replace" -> 3;
      case "contains", "starts_with", "ends_with" -> 2;
      default -> substr ? 2 : 1;
    };
    Functions.arity(b, call, min, substr ? 3 : min);
    Node s = b.coerce(args.get(0), call.args().get(0), ColumnType.STRING);
    if (substr) {
      List<Node> typed = new java.util.ArrayList<>(List.of(s));
      for (int i = 1; i < args.size(); i++) {
        typed.add(b.coerce(args.get(i), call.args().get(i), ColumnType.LONG));
      }
      return FunctionNode.strict(ColumnType.STRING, typed, (in, out) -> out.setString(
          substring(in[0].s, in[1].l, in.length > 2 ? in[2].l : Long.MAX_VALUE)));
    }
    if (min == 1) {
      return unary(name, s);
    }
    List<Node> texts = new java.util.ArrayList<>(List.of(s));
    for (int i = 1; i < args.size(); i++) {
      texts.add(b.coerce(args.get(i), call.args().get(i), ColumnType.STRING));
    }
    return switch (name) {
      case "replace" -> FunctionNode.strict(ColumnType.STRING, texts, (in, out) -> out.setString(
          in[1].s.isEmpty() ? in[0].s : in[0].s.replace(in[1].s, in[2].s)));
      case "contains" -> FunctionNode.strict(ColumnType.BOOLEAN, texts,
          (in, out) -> out.setBoolean(in[0].s.contains(in[1].s)));
      case "starts_with" -> FunctionNode.strict(ColumnType.BOOLEAN, texts,
          (in, out) -> out.setBoolean(in[0].s.startsWith(in[1].s)));
      default -> FunctionNode.strict(ColumnType.BOOLEAN, texts,
          (in, out) -> out.setBoolean(in[0].s.endsWith(in[1].s)));
    };
  }

  private static Node unary(String name, Node s) {
    if (name.equals("length")) {
      return FunctionNode.strict(ColumnType.LONG, List.of(s),
          (in, out) -> out.setLong(in[0].s.codePointCount(0, in[0].s.length())));
    }
    return FunctionNode.strict(ColumnType.STRING, List.of(s), (in, out) -> out.setString(
        switch (name) {
          case "lower" -> in[0].s.toLowerCase(Locale.ROOT);
          case "upper" -> in[0].s.toUpperCase(Locale.ROOT);
          case "ltrim" -> in[0].s.stripLeading();
          case "rtrim" -> in[0].s.stripTrailing();
          default -> in[0].s.strip();
        }));
  }

  /**
   * SQL's substring: characters {@code start .. start+length-1} counted from 1, clipped to the
   * text (a start below 1 counts the missing positions against the length).
   */
  static String substring(String s, long start, long length) {
    if (length < 0) {
      return "";
    }
    int n = s.codePointCount(0, s.length());
    long first = Math.max(Math.min(start, n + 1L), -(1L << 40));
    long end = first + Math.min(length, 1L << 40);
    long from = Math.max(first, 1);
    long to = Math.min(end, n + 1L);
    if (from >= to) {
      return "";
    }
    int a = s.offsetByCodePoints(0, (int) from - 1);
    int z = s.offsetByCodePoints(a, (int) (to - from));
    return s.substring(a, z);
  }
}
