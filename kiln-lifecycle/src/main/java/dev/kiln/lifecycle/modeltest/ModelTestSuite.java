package dev.kiln.lifecycle.modeltest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.kiln.lifecycle.LifecycleException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The model tests of a project, declared in {@code conf/base/model_tests.yml} (or
 * {@code conf/<env>/model_tests.yml}, which replaces it):
 *
 * <pre>
 * golden:                       # examples with expected outputs
 *   - name: obvious fraud
 *     input: {V14: -9.5, Amount: 1.0, ...}
 *     expect: {probability: 0.98}
 *     tolerance: 0.05           # absolute, per output
 * slices:                       # minimum (or maximum) metrics on named slices of a dataset
 *   - name: amount bands
 *     data: test                # a catalog dataset that holds the label
 *     column: Amount
 *     bins: [0, 10, 100, 1000]  # numeric bands; omit for one slice per distinct value
 *     metric: roc_auc
 *     min: 0.85                 # or max: for errors (rmse, mae, log_loss)
 *     min_rows: 100             # smaller slices are reported and not judged
 * directional:                  # raising X must not lower the score
 *   - name: more negative V14, more fraud
 *     data: test
 *     rows: 500                 # first rows used (default 1000)
 *     add: {V14: -2.0}          # or set: {column: value}
 *     expect: not_decrease      # increase | decrease | not_increase | not_decrease
 *     max_violations: 0.02      # share of rows that may move the wrong way (default 0)
 * invariance:                   # changing an ID must not change the score
 *   - name: customer id
 *     data: test
 *     set: {customer_id: "x"}
 *     tolerance: 1.0e-9
 * </pre>
 *
 * @param golden golden examples
 * @param slices slice metric checks
 * @param directional directional checks
 * @param invariance invariance checks
 */
public record ModelTestSuite(List<Golden> golden, List<Slice> slices,
    List<Behaviour> directional, List<Behaviour> invariance) {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** Copies the lists, empty when absent. */
  public ModelTestSuite {
    golden = golden == null ? List.of() : List.copyOf(golden);
    slices = slices == null ? List.of() : List.copyOf(slices);
    directional = directional == null ? List.of() : List.copyOf(directional);
    invariance = invariance == null ? List.of() : List.copyOf(invariance);
  }

  /**
   * A golden example.
   *
   * @param name the test's name
   * @param input one raw record, as a client sends it
   * @param expect expected output values, e.g. {@code probability} or {@code prediction}
   * @param tolerance the largest absolute difference accepted (default 1e-6)
   */
  public record Golden(String name, Map<String, Object> input, Map<String, Double> expect,
      Double tolerance) {}

  /**
   * A metric bound on each slice of a dataset.
   *
   * @param name the test's name
   * @param data the catalog dataset, label included
   * @param column the column that defines the slices
   * @param bins ascending band edges for a numeric column, or null for distinct values
   * @param metric a metric name of the holdout evaluation, e.g. {@code roc_auc} or {@code rmse}
   * @param min the lowest value accepted, or null
   * @param max the highest value accepted, or null
   * @param minRows slices with fewer rows are listed but not judged (default 30)
   */
  public record Slice(String name, String data, String column, List<Double> bins,
      String metric, Double min, Double max, @JsonProperty("min_rows") Integer minRows) {}

  /**
   * A directional or invariance check: change some columns of a dataset's rows and compare the
   * model's score before and after.
   *
   * @param name the test's name
   * @param data the catalog dataset
   * @param rows how many of its first rows are used (default 1000)
   * @param add numbers added to numeric columns
   * @param set values that replace columns
   * @param expect for directional checks: increase, decrease, not_increase or not_decrease
   * @param tolerance score changes within it count as unchanged (default 1e-9)
   * @param maxViolations the share of rows that may move the wrong way (default 0: none)
   */
  public record Behaviour(String name, String data, Integer rows, Map<String, Double> add,
      Map<String, Object> set, String expect, Double tolerance,
      @JsonProperty("max_violations") Double maxViolations) {}

  /** Returns whether the suite declares no test. */
  public boolean isEmpty() {
    return golden.isEmpty() && slices.isEmpty() && directional.isEmpty() && invariance.isEmpty();
  }

  /**
   * Reads a suite from YAML.
   *
   * @throws LifecycleException naming the file, line and field when it is malformed
   */
  public static ModelTestSuite read(Path file) {
    try {
      ModelTestSuite suite = YAML.readValue(file.toFile(), ModelTestSuite.class);
      return suite == null ? new ModelTestSuite(null, null, null, null) : suite;
    } catch (JsonMappingException e) {
      StringBuilder where = new StringBuilder();
      for (JsonMappingException.Reference r : e.getPath()) {
        where.append(r.getFieldName() != null ? (where.isEmpty() ? "" : ".") + r.getFieldName()
            : "[" + r.getIndex() + "]");
      }
      throw new LifecycleException("Model tests '" + file + "', at '" + where + "': "
          + e.getOriginalMessage().split("\n")[0], "the sections are golden, slices,"
          + " directional and invariance; see docs/deployment.md", e);
    } catch (IOException e) {
      throw new LifecycleException("Cannot read model tests '" + file + "': " + e.getMessage(),
          "check the file is YAML", e);
    }
  }
}
