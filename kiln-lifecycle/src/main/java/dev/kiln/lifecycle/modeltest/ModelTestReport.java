package dev.kiln.lifecycle.modeltest;

import dev.kiln.lifecycle.modeltest.ModelTestResult.Status;
import java.util.List;
import java.util.Locale;

/**
 * The results of a model's tests.
 *
 * @param model the model name
 * @param version the version tested
 * @param results one result per test (per slice for slice checks), in declaration order
 */
public record ModelTestReport(String model, String version, List<ModelTestResult> results) {
  /** Copies the results. */
  public ModelTestReport {
    results = List.copyOf(results);
  }

  /** Returns whether no test failed. */
  public boolean passed() {
    return count(Status.FAILED) == 0;
  }

  /** Returns how many results have a status. */
  public long count(Status status) {
    return results.stream().filter(r -> r.status() == status).count();
  }

  /** Returns the failed tests' names. */
  public List<String> failures() {
    return results.stream().filter(r -> r.status() == Status.FAILED)
        .map(r -> r.kind() + " '" + r.name() + "'").toList();
  }

  /** Returns a one-line summary, e.g. {@code 7 passed, 1 failed, 0 skipped}. */
  public String summary() {
    return count(Status.PASSED) + " passed, " + count(Status.FAILED) + " failed, "
        + count(Status.SKIPPED) + " skipped";
  }

  /** Returns the results as an aligned text table with a header. */
  public String table() {
    int kind = "kind".length();
    int name = "test".length();
    for (ModelTestResult r : results) {
      kind = Math.max(kind, r.kind().length());
      name = Math.max(name, r.name().length());
    }
    String format = "%-" + kind + "s  %-" + name + "s  %-7s  %s%n";
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT, format, "kind", "test",
        "result", "detail"));
    for (ModelTestResult r : results) {
      out.append(String.format(Locale.ROOT, format, r.kind(), r.name(),
          r.status().name().toLowerCase(Locale.ROOT), r.detail()));
    }
    return out.toString();
  }
}
