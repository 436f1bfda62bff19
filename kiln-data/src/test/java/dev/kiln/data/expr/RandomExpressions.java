package dev.kiln.data.expr;

import java.util.SplittableRandom;

/** Generates random well-typed expressions over {@link ParityTest#randomFrame}'s columns. */
final class RandomExpressions {
  private static final String[] NUMBERS = {"a", "b", "c", "0", "2", "-1.5", "null", "year(ts)",
      "length(s)"};
  private static final String[] OPS = {"+", "-", "*", "/", "%"};
  private static final String[] FNS = {"abs", "sqrt", "log1p", "floor", "round", "exp", "sign"};
  private static final String[] CMPS = {"=", "<>", "<", "<=", ">", ">="};
  private final SplittableRandom r;

  RandomExpressions(SplittableRandom r) {
    this.r = r;
  }

  String numeric(int depth) {
    if (depth == 0) {
      return NUMBERS[r.nextInt(NUMBERS.length)];
    }
    return switch (r.nextInt(6)) {
      case 0, 1 -> "(" + numeric(depth - 1) + " " + OPS[r.nextInt(OPS.length)] + " "
          + numeric(depth - 1) + ")";
      case 2 -> FNS[r.nextInt(FNS.length)] + "(" + numeric(depth - 1) + ")";
      case 3 -> "case when " + condition(depth - 1) + " then " + numeric(depth - 1) + " else "
          + numeric(depth - 1) + " end";
      case 4 -> (r.nextBoolean() ? "coalesce(" : "greatest(") + numeric(depth - 1) + ", "
          + numeric(depth - 1) + ")";
      default -> numeric(0);
    };
  }

  String condition(int depth) {
    if (depth == 0) {
      return r.nextBoolean() ? "d" : numeric(0) + " " + CMPS[r.nextInt(CMPS.length)] + " "
          + numeric(0);
    }
    return switch (r.nextInt(5)) {
      case 0 -> condition(depth - 1) + (r.nextBoolean() ? " and " : " or ") + condition(depth - 1);
      case 1 -> "not (" + condition(depth - 1) + ")";
      case 2 -> numeric(depth - 1) + (r.nextBoolean() ? " is null" : " in (1, 2.5, null, -3)");
      case 3 -> numeric(depth - 1) + " " + CMPS[r.nextInt(CMPS.length)] + " " + numeric(depth - 1);
      default -> condition(0);
    };
  }
}
