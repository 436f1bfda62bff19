package dev.kiln.quality.validation;

import dev.kiln.data.Column;
import dev.kiln.data.ColumnType;
import dev.kiln.data.Frame;
import dev.kiln.data.LongColumn;
import dev.kiln.data.StringColumn;
import java.util.ArrayList;
import java.util.Arrays;
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

  /**
   * Validates; never throws for bad data, which is reported in the result. A text column whose
   * rule declares another type is parsed row by row: rows that do not parse break the
   * {@code type} rule, the others continue with the column converted to the declared type (the
   * quarantine keeps the text as read).
   */
  public static ValidationResult validate(Frame frame, Schema schema,
      List<Expectation> expectations) {
    Outcome out = new Outcome(frame.rowCount());
    checkRows(frame, schema, out.results);
    List<Column> converted = new ArrayList<>();
    for (Map.Entry<String, ColumnRule> e : schema.columns().entrySet()) {
      String name = e.getKey();
      ColumnRule rule = e.getValue();
      if (!frame.hasColumn(name)) {
        out.results.add(new RuleResult("present", name, frame.rowCount(), List.of(), List.of(),
            Policy.FAIL));
        continue;
      }
      Column c = frame.column(name);
      BitSet unparsed = new BitSet();
      if (TextValues.parses(c, rule.type())) {
        TextValues.Parsed parsed = TextValues.parse((StringColumn) c, rule.type());
        out.record(c, "type", parsed.bad(), rule.effectivePolicy());
        unparsed = parsed.bad();
        c = parsed.column();
        converted.add(c);
      }
      for (Map.Entry<String, BitSet> f : ColumnChecks.failing(c, rule).entrySet()) {
        f.getValue().andNot(unparsed);
        out.record(c, f.getKey(), f.getValue(), rule.effectivePolicy());
      }
    }
    Frame typed = frame.withColumns(converted);
    for (Expectation x : expectations) {
      out.record(null, x.name(), x.failing(typed), x.policy());
    }
    return out.result(frame, typed);
  }

  /** The rules' outcomes and the rows they set aside, gathered while checking. */
  private static final class Outcome {
    final List<RuleResult> results = new ArrayList<>();
    final List<String>[] reasons;
    final BitSet quarantined = new BitSet();
    final BitSet failed = new BitSet();

    Outcome(int rows) {
      reasons = reasonsArray(rows);
    }

    void record(Column c, String rule, BitSet failing, Policy policy) {
      if (failing.isEmpty()) {
        return;
      }
      String column = c == null ? "*" : c.name();
      int[] first = failing.stream().limit(5).toArray();
      List<String> examples = Arrays.stream(first).mapToObj(i -> c == null ? "row " + (i + 1)
          : String.valueOf(c.get(i))).toList();
      List<Long> rows = Arrays.stream(first).mapToObj(i -> (long) i + 1).toList();
      results.add(new RuleResult(rule, column, failing.cardinality(), examples, rows, policy));
      if (policy == Policy.QUARANTINE) {
        quarantined.or(failing);
        failing.stream().forEach(i -> reasons[i].add(column + ": " + rule));
      } else if (policy == Policy.FAIL) {
        failed.or(failing);
      }
    }

    ValidationResult result(Frame raw, Frame typed) {
      failed.andNot(quarantined);
      int[] keep = IntStream.range(0, raw.rowCount()).filter(i -> !quarantined.get(i)).toArray();
      int[] out = quarantined.stream().toArray();
      String[] why = new String[out.length];
      long[] row = new long[out.length];
      for (int i = 0; i < out.length; i++) {
        why[i] = String.join("; ", reasons[out[i]]);
        row[i] = out[i] + 1L;
      }
      return new ValidationResult(results, typed.take(keep), raw.take(out).withColumns(List.of(
          StringColumn.of("_reasons", why), LongColumn.of("_row", row))), failed.cardinality());
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
          List.of(), Policy.FAIL));
    }
    if (rows.max() != null && n > rows.max()) {
      results.add(new RuleResult("rows.max", "*", 1, List.of(n + " rows > " + rows.max()),
          List.of(), Policy.FAIL));
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
