package acme;

/** A user's node code outside Kiln's packages, failing two calls deep. */
public final class ChurnNodes {
  private ChurnNodes() {}

  /** Cleans a value; fails on "bad". */
  public static String clean(String value) {
    return parse(value);
  }

  private static String parse(String value) {
    if (value.equals("bad")) {
      throw new IllegalArgumentException("cannot parse '" + value + "'");
    }
    return value;
  }
}
