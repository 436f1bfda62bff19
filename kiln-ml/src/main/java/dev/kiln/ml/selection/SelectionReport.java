package dev.kiln.ml.selection;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@link SelectionResult} as plain data for a JSON report (no models): the metric, the chosen
 * candidate, and every candidate's configurations and scores. Undefined scores are null.
 *
 * @param metric the metric compared, e.g. {@code pr_auc}
 * @param chosen the chosen candidate's name
 * @param candidates one entry per candidate, in listing order
 */
public record SelectionReport(String metric, String chosen, List<Entry> candidates) {
  /** Copies the list. */
  public SelectionReport {
    candidates = List.copyOf(candidates);
  }

  /**
   * One candidate.
   *
   * @param name its name
   * @param model xgboost or linear
   * @param params its best configuration
   * @param score the best configuration's validation score, or null if undefined
   * @param testScore the best configuration's score on test rows, or null when not measured
   * @param trials every configuration tried, in grid order
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Entry(String name, String model, Map<String, Object> params, Double score,
      @JsonProperty("test_score") Double testScore, List<Trial> trials) {
    /** Copies the list. */
    public Entry {
      trials = List.copyOf(trials);
    }
  }

  /**
   * One configuration.
   *
   * @param params its parameters
   * @param score its validation score, or null if undefined
   */
  public record Trial(Map<String, Object> params, Double score) {}

  /** Returns the report of a result. */
  public static SelectionReport of(SelectionResult result) {
    List<Entry> entries = new ArrayList<>();
    for (CandidateResult c : result.candidates()) {
      entries.add(new Entry(c.name(), c.model(), c.params(), defined(c.score()), null,
          c.trials().stream().map(t -> new Trial(t.params(), defined(t.score()))).toList()));
    }
    return new SelectionReport(result.metric().name().toLowerCase(java.util.Locale.ROOT),
        result.chosen().name(), entries);
  }

  /**
   * Returns this report with each candidate's test score (in candidate order; NaN when
   * undefined).
   */
  public SelectionReport withTestScores(double[] scores) {
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      Entry e = candidates.get(i);
      entries.add(new Entry(e.name(), e.model(), e.params(), e.score(), defined(scores[i]),
          e.trials()));
    }
    return new SelectionReport(metric, chosen, entries);
  }

  private static Double defined(double score) {
    return Double.isNaN(score) ? null : score;
  }
}
