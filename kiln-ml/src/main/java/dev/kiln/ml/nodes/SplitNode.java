package dev.kiln.ml.nodes;

import dev.kiln.core.KilnException;
import dev.kiln.core.nodes.NodeCall;
import dev.kiln.core.nodes.NodeType;
import dev.kiln.core.nodes.Port;
import dev.kiln.data.Frame;
import dev.kiln.ml.split.FrameSplit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code type: split}: train and test rows (and validation rows when bound), at random,
 * stratified by the target's classes, by time (the latest rows are the test) or by group.
 */
public final class SplitNode implements NodeType {
  /**
   * The parameters.
   *
   * @param method random, stratified (the default when a target is given), time or group
   * @param target the column to stratify by
   * @param testSize the share of rows for test
   * @param validationSize the share of the remaining rows for validation, when bound
   * @param timeColumn the column ordering rows in time (method time)
   * @param groupColumn the column whose groups stay on one side (method group)
   * @param seed the random seed
   */
  public record Params(String method, String target, Double testSize, Double validationSize,
      String timeColumn, String groupColumn, Long seed) {
    /** Validates and fills defaults. */
    public Params {
      method = method != null ? method : target != null ? "stratified" : "random";
      testSize = testSize == null ? 0.2 : testSize;
      validationSize = validationSize == null ? 0.1 : validationSize;
      seed = seed == null ? 42L : seed;
      if (!List.of("random", "stratified", "time", "group").contains(method)) {
        throw new KilnException("parameter 'method' must be random, stratified, time or group,"
            + " got '" + method + "'.", null);
      }
      require(method.equals("stratified"), target, "target", "the column whose classes to keep");
      require(method.equals("time"), timeColumn, "time_column", "a date or timestamp column");
      require(method.equals("group"), groupColumn, "group_column", "e.g. a customer id");
      for (double share : new double[] {testSize, validationSize}) {
        if (!(share > 0 && share < 1)) {
          throw new KilnException("parameter 'test_size' and 'validation_size' must be between"
              + " 0 and 1, got " + share + ".", "use e.g. 0.2");
        }
      }
    }

    private static void require(boolean needed, String value, String key, String what) {
      if (needed && value == null) {
        throw new KilnException("parameter '" + key + "' is required by this method.",
            "add '" + key + ": COLUMN' (" + what + ")");
      }
    }
  }

  @Override
  public String name() {
    return "split";
  }

  @Override
  public String summary() {
    return "Splits rows into train, test (and validation): random, stratified, by time or group.";
  }

  @Override
  public List<Port> inputs() {
    return List.of(Port.required("data", Frame.class, "the rows to split"));
  }

  @Override
  public List<Port> outputs() {
    return List.of(Port.required("train", Frame.class, "the training rows"),
        Port.required("test", Frame.class, "the test rows"),
        Port.optional("validation", Frame.class, "rows for early stopping or tuning"));
  }

  @Override
  public Class<? extends Record> parameters() {
    return Params.class;
  }

  @Override
  public Map<String, Object> run(NodeCall call) {
    Params p = call.parameters(Params.class);
    Frame data = call.input("data", Frame.class);
    FrameSplit first = split(p, data, p.testSize(), p.seed());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("test", first.test());
    if (call.outputs().contains("validation")) {
      FrameSplit second = split(p, first.train(), p.validationSize(), p.seed() + 1);
      out.put("train", second.train());
      out.put("validation", second.test());
    } else {
      out.put("train", first.train());
    }
    return out;
  }

  private static FrameSplit split(Params p, Frame data, double share, long seed) {
    return switch (p.method()) {
      case "time" -> FrameSplit.byTime(data, p.timeColumn(), share);
      case "group" -> FrameSplit.byGroup(data, p.groupColumn(), share, seed);
      case "stratified" -> FrameSplit.of(data, Targets.requireColumn(data, p.target()), share,
          seed);
      default -> FrameSplit.of(data, null, share, seed);
    };
  }
}
