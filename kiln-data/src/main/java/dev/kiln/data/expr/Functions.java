package dev.kiln.data.expr;

import dev.kiln.core.pipeline.Names;
import dev.kiln.data.ColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.DoubleBinaryOperator;

/** Binds function calls: checks the name, the number and types of arguments, picks the kernel. */
final class Functions {
  private static final Set<String> MATH = Set.of("ln", "log", "log10", "log2", "log1p", "exp",
      "expm1", "sqrt", "cbrt", "sign", "floor", "ceil", "round", "abs", "pow", "power");
  private static final Set<String> DATE_PARTS = Set.of("year", "quarter", "month", "day",
      "dayofyear", "dayofweek", "hour", "minute", "second");
  private static final Set<String> OTHERS = Set.of("coalesce", "nullif", "least", "greatest",
      "epoch", "to_timestamp");

  private Functions() {}

  static Node bind(Binder b, Ast.Call call) {
    String name = call.name();
    List<Node> args = b.bindAll(call.args());
    if (MATH.contains(name)) {
      return math(b, call, args);
    }
    if (DATE_PARTS.contains(name)) {
      arity(b, call, 1, 1);
      Node ts = b.coerce(args.get(0), call.args().get(0), ColumnType.TIMESTAMP);
      return FunctionNode.strict(ColumnType.LONG, List.of(ts),
          (in, out) -> out.setLong(Dates.part(name, in[0].l)));
    }
    if (StringFunctions.NAMES.contains(name)) {
      return StringFunctions.bind(b, call, args);
    }
    return switch (name) {
      case "coalesce" -> coalesce(b, call, args);
      case "nullif" -> nullIf(b, call, args);
      case "least", "greatest" -> extreme(b, call, args, name.equals("least") ? -1 : 1);
      case "epoch" -> {
        arity(b, call, 1, 1);
        Node ts = b.coerce(args.get(0), call.args().get(0), ColumnType.TIMESTAMP);
        yield FunctionNode.strict(ColumnType.DOUBLE, List.of(ts),
            (in, out) -> out.setDouble(in[0].l / 1e6));
      }
      case "to_timestamp" -> {
        arity(b, call, 1, 1);
        Node s = b.coerce(b.numeric(args.get(0), call.args().get(0), name), call.args().get(0),
            ColumnType.DOUBLE);
        yield FunctionNode.strict(ColumnType.TIMESTAMP, List.of(s),
            (in, out) -> out.setLong(Math.round(in[0].d * 1e6)));
      }
      default -> throw unknown(b, call);
    };
  }

  private static ExpressionException unknown(Binder b, Ast.Call call) {
    Set<String> known = new TreeSet<>(MATH);
    known.addAll(DATE_PARTS);
    known.addAll(OTHERS);
    known.addAll(StringFunctions.NAMES);
    return b.error(call, "unknown function '" + call.name() + "'.",
        Names.closest(call.name(), known).map(n -> "did you mean '" + n + "'?")
            .orElse("functions are " + String.join(", ", known)));
  }

  /** Checks the number of arguments. */
  static void arity(Binder b, Ast.Call call, int min, int max) {
    int n = call.args().size();
    if (n < min || n > max) {
      String expected = min == max ? String.valueOf(min) : max == Integer.MAX_VALUE
          ? "at least " + min : min + " or " + max;
      throw b.error(call, call.name() + "(...) takes " + expected + " argument"
          + (max == 1 ? "" : "s") + " but got " + n + ".", null);
    }
  }

  private static Node math(Binder b, Ast.Call call, List<Node> args) {
    String name = call.name();
    boolean two = Set.of("pow", "power").contains(name);
    boolean optional = Set.of("log", "round").contains(name);
    arity(b, call, two ? 2 : 1, two || optional ? 2 : 1);
    List<Node> xs = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      xs.add(b.numeric(args.get(i), call.args().get(i), name));
    }
    Node x = xs.get(0);
    if (x.type == ColumnType.LONG && xs.size() == 1
        && Set.of("floor", "ceil", "round").contains(name)) {
      return x;
    }
    if (x.type == ColumnType.LONG && name.equals("abs")) {
      return FunctionNode.strict(ColumnType.LONG, List.of(x), (in, out) -> out.setLong(
          Math.abs(in[0].l)));
    }
    List<Node> ds = new ArrayList<>();
    for (int i = 0; i < xs.size(); i++) {
      ds.add(b.coerce(xs.get(i), call.args().get(i), ColumnType.DOUBLE));
    }
    if (name.equals("log") && ds.size() == 2) {
      return new MathNode((base, v) -> Math.log(v) / Math.log(base), ds.get(0), ds.get(1));
    }
    return new MathNode(kernel(name), ds.get(0), ds.size() == 2 ? ds.get(1) : null);
  }

  private static DoubleBinaryOperator kernel(String name) {
    return switch (name) {
      case "ln", "log" -> (x, y) -> Math.log(x);
      case "log10" -> (x, y) -> Math.log10(x);
      case "log2" -> (x, y) -> Math.log(x) / Math.log(2);
      case "log1p" -> (x, y) -> Math.log1p(x);
      case "exp" -> (x, y) -> Math.exp(x);
      case "expm1" -> (x, y) -> Math.expm1(x);
      case "sqrt" -> (x, y) -> Math.sqrt(x);
      case "cbrt" -> (x, y) -> Math.cbrt(x);
      case "sign" -> (x, y) -> Math.signum(x);
      case "floor" -> (x, y) -> Math.floor(x);
      case "ceil" -> (x, y) -> Math.ceil(x);
      case "abs" -> (x, y) -> Math.abs(x);
      case "round" -> Functions::round;
      default -> Math::pow;
    };
  }

  /** Rounds half away from zero to {@code digits} decimals (as SQL's round). */
  static double round(double x, double digits) {
    double scale = Math.pow(10, Math.rint(digits));
    double v = Math.abs(x) * scale;
    double r = Math.floor(v + 0.5);
    return Double.isInfinite(v) ? x : Math.copySign(r / scale, x);
  }

  private static Node coalesce(Binder b, Ast.Call call, List<Node> args) {
    arity(b, call, 1, Integer.MAX_VALUE);
    List<Node> typed = sameType(b, call, args, "coalesce");
    return new FunctionNode(typed.get(0).type, typed, (in, out) -> {
      for (Scalar s : in) {
        if (!s.isNull) {
          out.copy(s);
          return;
        }
      }
      out.setNull();
    });
  }

  private static Node nullIf(Binder b, Ast.Call call, List<Node> args) {
    arity(b, call, 2, 2);
    List<Node> typed = sameType(b, call, args, "nullif");
    ColumnType type = typed.get(0).type;
    return new FunctionNode(type, typed, (in, out) -> {
      if (!in[0].isNull && !in[1].isNull && CompareNode.compare(type, in[0], in[1]) == 0) {
        out.setNull();
      } else {
        out.copy(in[0]);
      }
    });
  }

  /** least/greatest: the smallest/largest non-null argument, null if all are null. */
  private static Node extreme(Binder b, Ast.Call call, List<Node> args, int sign) {
    arity(b, call, 1, Integer.MAX_VALUE);
    List<Node> typed = sameType(b, call, args, call.name());
    ColumnType type = typed.get(0).type;
    return new FunctionNode(type, typed, (in, out) -> {
      out.setNull();
      for (Scalar s : in) {
        if (!s.isNull && (out.isNull || sign * CompareNode.compare(type, s, out) > 0)) {
          out.copy(s);
        }
      }
    });
  }

  private static List<Node> sameType(Binder b, Ast.Call call, List<Node> args, String what) {
    ColumnType type = b.common(args, call.args(), what + "(...)");
    List<Node> out = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      out.add(b.coerce(args.get(i), call.args().get(i), type));
    }
    return out;
  }
}
