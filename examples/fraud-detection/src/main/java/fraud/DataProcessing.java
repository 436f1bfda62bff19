package fraud;

import dev.kiln.core.pipeline.Metrics;
import dev.kiln.core.pipeline.Outputs;
import dev.kiln.data.Frame;
import dev.kiln.ml.preprocess.Preprocessor;
import dev.kiln.ml.preprocess.Step;
import dev.kiln.ml.split.FrameSplit;
import dev.kiln.quality.validation.Schema;
import dev.kiln.quality.validation.ValidationGate;
import dev.kiln.quality.validation.ValidationResult;
import dev.kiln.quality.validation.Validator;
import java.util.List;
import java.util.Map;

/** The data-processing nodes: plain functions over frames. */
public final class DataProcessing {
  private DataProcessing() {}

  /** Checks the raw rows against the schema; quarantined rows are kept aside with reasons. */
  public static Outputs validate(Frame raw, Schema schema) throws Exception {
    ValidationResult result = Validator.validate(raw, schema, List.of());
    @SuppressWarnings("unchecked")
    Map<Object, Object> report = new com.fasterxml.jackson.databind.ObjectMapper()
        .readValue(result.toJson(), Map.class);
    return Outputs.of(Pipelines.VALIDATED, result.clean())
        .and(Pipelines.QUARANTINE, result.quarantine())
        .and(Pipelines.REPORT, report);
  }

  /** Stops the run when a rule with policy 'fail' failed; the report is saved by then. */
  @SuppressWarnings("unchecked")
  public static Frame gate(Frame validated, Map report) {
    ValidationGate.check(report, "data/08_reporting/validation.json");
    return validated;
  }

  /**
   * Drops rows with a missing value and exact duplicate rows, and reports how many of each were
   * dropped (nothing is removed silently).
   */
  public static Outputs clean(Frame raw, String label) {
    raw.column(label);
    Frame complete = raw.dropNulls();
    Frame clean = complete.dropDuplicates();
    Metrics report = Metrics.of(Map.of("rows_in", (double) raw.rowCount(),
        "rows_out", (double) clean.rowCount(),
        "dropped_missing", (double) raw.rowCount() - complete.rowCount(),
        "dropped_duplicates", (double) complete.rowCount() - clean.rowCount()));
    return Outputs.of(Pipelines.CLEAN, clean).and(Pipelines.CLEANING, report);
  }

  /** Adds log(1 + Amount) and the hour of day of the transaction. */
  public static Frame engineerFeatures(Frame clean) {
    return clean.withColumn("log_amount", "log1p(greatest(Amount, 0))")
        .withColumn("hour", "floor(Time / 3600) % 24").drop(List.of("Time"));
  }

  /** Splits into train and test, stratified by the label so both keep the fraud rate. */
  public static Outputs split(Frame features, String label, SplitOptions options) {
    FrameSplit split = FrameSplit.of(features, label, options.testSize(), options.seed());
    return Outputs.of(Pipelines.TRAIN, split.train()).and(Pipelines.TEST, split.test());
  }

  /** Fits the preprocessing steps on the training rows only; returns their state as JSON. */
  public static String fitPreprocessing(Frame train, Step[] steps) {
    return new Preprocessor(List.of(steps)).fit(train).toJson();
  }
}
