package dev.kiln.ml.selection;

import dev.kiln.ml.Model;
import dev.kiln.ml.tuning.Scoring;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The outcome of a {@link ModelSelection}: every candidate's best configuration and validation
 * score, in the order the candidates were listed, and the chosen one (the best score; the first
 * listed on a tie; a NaN score never wins).
 *
 * @param metric the metric compared
 * @param candidates one result per candidate, in listing order
 */
public record SelectionResult(Scoring metric, List<CandidateResult> candidates) {
  /** Copies the list. */
  public SelectionResult {
    candidates = List.copyOf(candidates);
  }

  /** Returns the chosen candidate. */
  public CandidateResult chosen() {
    CandidateResult best = candidates.get(0);
    for (CandidateResult c : candidates) {
      if (Double.isNaN(best.score()) || c.score() > best.score()) {
        best = c;
      }
    }
    return best;
  }

  /** Returns the chosen candidate's model. */
  public Model model() {
    return chosen().fitted();
  }

  /** Returns the result of the named candidate, or null. */
  public CandidateResult candidate(String name) {
    return candidates.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
  }

  /**
   * Returns the defined validation scores as run metrics, keyed
   * {@code <candidate>.validation_<metric>}.
   */
  public Map<String, Double> toMetrics() {
    Map<String, Double> m = new LinkedHashMap<>();
    String key = metric.name().toLowerCase(Locale.ROOT);
    candidates.stream().filter(c -> !Double.isNaN(c.score()))
        .forEach(c -> m.put(c.name() + ".validation_" + key, c.score()));
    return m;
  }

  /** Returns a printable table: every configuration of every candidate, the chosen one marked. */
  public String toTable() {
    String key = metric.name().toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
        "Model selection on the validation rows by %s:%n%-12s %-8s %12s  %s%n", key,
        "candidate", "model", key, "params"));
    for (CandidateResult c : candidates) {
      List<CandidateResult.Trial> trials = c.trials().stream()
          .sorted(Comparator.comparing((CandidateResult.Trial t) -> Double.isNaN(t.score()))
              .thenComparing(Comparator.comparingDouble(CandidateResult.Trial::score).reversed()))
          .toList();
      for (CandidateResult.Trial t : trials) {
        boolean chosen = c == chosen() && t.params().equals(c.params());
        out.append(String.format(Locale.ROOT, "%-12s %-8s %12s  %s%s%n", c.name(), c.model(),
            Double.isNaN(t.score()) ? "undefined" : String.format(Locale.ROOT, "%.4f", t.score()),
            t.params(), chosen ? "  <- chosen" : ""));
      }
    }
    return out.toString();
  }

  /** Returns the result as plain data for a JSON report (no models). */
  public SelectionReport toReport() {
    return SelectionReport.of(this);
  }
}
