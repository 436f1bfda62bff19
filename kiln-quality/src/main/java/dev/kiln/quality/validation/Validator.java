package dev.kiln.quality.validation;

import dev.kiln.data.Column;
import dev.kiln.data.ColumnType;
import dev.kiln.data.Frame;
import dev.kiln.data.StringColumn;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/** Checks a frame against a schema and custom expectations; see {@link ValidationResult}. */
public final class Validator {
  private Validator() {}

  /** Validates; never throws for bad data, which is reported in the result. */
  public static ValidationResult validate(Frame frame, Schema schema,
      List<Expectation> expectations) {
    List<RuleResult> results = new ArrayList<>();
    List<String>[] reasons = reasonsArray(frame.rowCount());
    BitSet quarantined = new BitSet();
    checkRows(frame, schema, results);
    for (Map.Entry<String, ColumnRule> e : schema.columns().entrySet()) {
      String name = e.getKey();
      ColumnRule rule = e.getValue();
      if (!frame.hasColumn(name)) {
        results.add(new RuleResult("present", name, frame.rowCount(), List.of(), Policy.FAIL));
        continue;
      }
      Column c = frame.column(name);
      for (Map.Entry<String, BitSet> f : ColumnChecks.failing(c, rule).entrySet()) {
        record(results, reasons, quarantined, c, f.getKey(), f.getValue(), rule.effectivePolicy());
      }
    }
    for (Expectation x : expectations) {
      record(results, reasons, quarantined, null, x.name(), x.failing(frame), x.policy());
    }
    int[] keep = IntStream.range(0, frame.rowCount()).filter(i -> !quarantined.get(i)).toArray();
    int[] out = quarantined.stream().toArray();
    String[] why = new String[out.length];
    for (int i = 0; i < out.length; i++) {
      why[i] = String.join("; ", reasons[out[i]]);
    }
    return new ValidationResult(results, frame.take(keep),
        frame.take(out).withColumn(StringColumn.of("_reasons", why)));
  }

  private static void record(List<RuleResult> results, List<String>[] reasons, BitSet quarantined,
      Column c, String rule, BitSet failing, Policy policy) {
    if (failing.isEmpty()) {
      return;
    }
    String column = c == null ? "*" : c.name();
    List<String> examples = failing.stream().limit(5)
        .mapToObj(i -> c == null ? "row " + i : String.valueOf(c.get(i))).toList();
    results.add(new RuleResult(rule, column, failing.cardinality(), examples, policy));
    if (policy == Policy.QUARANTINE) {
      quarantined.or(failing);
      failing.stream().forEach(i -> reasons[i].add(column + ": " + rule));
    }
  }

  private static void checkRows(Frame frame, Schema schema, List<RuleResult> results) {
    Schema.RowBounds rows = schema.rows();
    if (rows == null) {
      return;
    }
    long n = frame.rowCount();
    if (rows.min() != null && n < rows.min()) {
      results.add(new RuleResult("rows.min", "*", 1, List.of(n + " rows < " + rows.min()),
          Policy.FAIL));
    }
    if (rows.max() != null && n > rows.max()) {
      results.add(new RuleResult("rows.max", "*", 1, List.of(n + " rows > " + rows.max()),
          Policy.FAIL));
    }
  }

  @SuppressWarnings("unchecked")
  private static List<String>[] reasonsArray(int n) {
    List<String>[] out = new List[n];
    for (int i = 0; i < n; i++) {
      out[i] = new ArrayList<>(1);
    }
    return out;
  }

  /** The per-column checks, each giving its failing rows. */
  static final class ColumnChecks {
    private ColumnChecks() {}

    static Map<String, BitSet> failing(Column c, ColumnRule rule) {
      Map<String, BitSet> out = new java.util.LinkedHashMap<>();
      if (rule.type() != null && rule.type() != c.type()
          && !(rule.type().isNumeric() && c.type().isNumeric() && c.type() != ColumnType.BOOLEAN)) {
        BitSet all = new BitSet();
        all.set(0, c.size());
        out.put("type", all);
        return out;
      }
      out.put("nullable", rows(c, i -> Boolean.FALSE.equals(rule.nullable()) && c.isNull(i)));
      if (c.type() != ColumnType.STRING) {
        out.put("min", rows(c, i -> rule.min() != null && !c.isNull(i)
            && c.getDouble(i) < rule.min()));
        out.put("max", rows(c, i -> rule.max() != null && !c.isNull(i)
            && c.getDouble(i) > rule.max()));
      }
      if (rule.categories() != null) {
        Set<String> allowed = new HashSet<>(rule.categories());
        out.put("categories", rows(c, i -> !c.isNull(i) && !allowed.contains(String.valueOf(
            c.get(i)))));
      }
      if (rule.regex() != null) {
        Pattern p = Pattern.compile(rule.regex());
        out.put("regex", rows(c, i -> !c.isNull(i) && !p.matcher(String.valueOf(c.get(i)))
            .matches()));
      }
      if (Boolean.TRUE.equals(rule.unique())) {
        Set<Object> seen = new HashSet<>();
        out.put("unique", rows(c, i -> !c.isNull(i) && !seen.add(c.get(i))));
      }
      return out;
    }

    private static BitSet rows(Column c, java.util.function.IntPredicate failing) {
      BitSet out = new BitSet();
      for (int i = 0; i < c.size(); i++) {
        if (failing.test(i)) {
          out.set(i);
        }
      }
      return out;
    }
  }
}
