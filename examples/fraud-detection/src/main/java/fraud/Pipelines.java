package fraud;

import dev.kiln.core.pipeline.DatasetRef;
import dev.kiln.core.pipeline.Metrics;
import dev.kiln.core.pipeline.Node;
import dev.kiln.core.pipeline.Outputs;
import dev.kiln.core.pipeline.Pipeline;
import dev.kiln.core.project.PipelineRegistry;
import dev.kiln.data.Frame;
import dev.kiln.ml.bundle.BundleSpec;
import dev.kiln.ml.selection.SelectionResult;
import dev.kiln.ml.preprocess.Step;
import dev.kiln.quality.validation.Schema;
import java.util.Map;

/**
 * The fraud-detection pipelines: {@code data_processing} (clean, engineer features, split, fit
 * the scaler) and {@code data_science} (choose between a linear baseline and XGBoost on validation
 * rows, evaluate at a chosen threshold, package), composed into the default pipeline.
 */
public final class Pipelines implements PipelineRegistry {
  static final DatasetRef<Frame> TRANSACTIONS = DatasetRef.of("transactions", Frame.class);
  static final DatasetRef<Schema> SCHEMA = DatasetRef.of("raw_schema", Schema.class);
  static final DatasetRef<Frame> VALIDATED = DatasetRef.of("validated_transactions", Frame.class);
  static final DatasetRef<Frame> GATED = DatasetRef.of("gated_transactions", Frame.class);
  static final DatasetRef<Frame> QUARANTINE = DatasetRef.of("quarantined_transactions",
      Frame.class);
  static final DatasetRef<Map> REPORT = DatasetRef.of("validation_report", Map.class);
  static final DatasetRef<Frame> CLEAN = DatasetRef.of("clean_transactions", Frame.class);
  static final DatasetRef<Metrics> CLEANING = DatasetRef.of("cleaning_report", Metrics.class);
  static final DatasetRef<Frame> FEATURES = DatasetRef.of("features", Frame.class);
  static final DatasetRef<Frame> TRAIN = DatasetRef.of("train", Frame.class);
  static final DatasetRef<Frame> TEST = DatasetRef.of("test", Frame.class);
  static final DatasetRef<String> PREPROCESSOR = DatasetRef.of("preprocessor", String.class);
  static final DatasetRef<SelectionResult> SELECTION = DatasetRef.of("model_selection_result",
      SelectionResult.class);
  static final DatasetRef<Map> SELECTION_REPORT = DatasetRef.of("selection_report", Map.class);
  static final DatasetRef<Frame> SCORES = DatasetRef.of("test_scores", Frame.class);
  static final DatasetRef<Metrics> METRICS = DatasetRef.of("metrics", Metrics.class);
  static final DatasetRef<FeatureImportance> IMPORTANCE = DatasetRef.of("feature_importance",
      FeatureImportance.class);
  static final DatasetRef<String> LABEL = DatasetRef.param("label", String.class);
  static final DatasetRef<SplitOptions> SPLIT = DatasetRef.param("split", SplitOptions.class);
  static final DatasetRef<Step[]> STEPS = DatasetRef.param("preprocessing", Step[].class);
  static final DatasetRef<SelectionOptions> SELECTION_OPTIONS = DatasetRef.param(
      "model_selection", SelectionOptions.class);
  static final DatasetRef<BundleSpec> BUNDLE = DatasetRef.of("model_bundle", BundleSpec.class);
  static final DatasetRef<Tuning.Results> TUNING_RESULTS = DatasetRef.of("tuning_results",
      Tuning.Results.class);
  static final DatasetRef<TuningOptions> TUNING = DatasetRef.param("tuning", TuningOptions.class);
  static final DatasetRef<String> THRESHOLD = DatasetRef.param("evaluation.threshold",
      String.class);

  @Override
  public Map<String, Pipeline> pipelines() {
    Pipeline processing = Pipeline.of(
        Node.builder("validate").inputs(TRANSACTIONS, SCHEMA)
            .outputs(VALIDATED, QUARANTINE, REPORT).tags("prep")
            .run(in -> DataProcessing.validate(in.get(TRANSACTIONS), in.get(SCHEMA))),
        Node.of("gate", VALIDATED, REPORT, GATED, DataProcessing::gate),
        Node.builder("clean").inputs(GATED, LABEL).outputs(CLEAN, CLEANING).tags("prep")
            .run(in -> DataProcessing.clean(in.get(GATED), in.get(LABEL))),
        Node.of("engineer_features", CLEAN, FEATURES, DataProcessing::engineerFeatures),
        Node.builder("split").inputs(FEATURES, LABEL, SPLIT).outputs(TRAIN, TEST).tags("prep")
            .run(in -> DataProcessing.split(in.get(FEATURES), in.get(LABEL), in.get(SPLIT))),
        Node.of("fit_preprocessing", TRAIN, STEPS, PREPROCESSOR, DataProcessing::fitPreprocessing));
    Pipeline science = Pipeline.of(
        Node.builder("train_model").inputs(TRAIN, PREPROCESSOR, LABEL, SPLIT, SELECTION_OPTIONS)
            .outputs(SELECTION, SELECTION_REPORT).tags("train")
            .run(in -> DataScience.select(in.get(TRAIN), in.get(PREPROCESSOR), in.get(LABEL),
                in.get(SPLIT), in.get(SELECTION_OPTIONS))),
        Node.builder("evaluate_model").inputs(SELECTION, TEST, PREPROCESSOR, LABEL, THRESHOLD)
            .outputs(SCORES, METRICS, IMPORTANCE).tags("evaluate")
            .run(in -> DataScience.evaluate(in.get(SELECTION), in.get(TEST),
                in.get(PREPROCESSOR), in.get(LABEL), in.get(THRESHOLD))),
        Node.builder("package_model").inputs(SELECTION, TRAIN, PREPROCESSOR, LABEL, METRICS)
            .outputs(BUNDLE).tags("package")
            .run(in -> Outputs.of(BUNDLE, DataScience.bundle(in.get(SELECTION), in.get(TRAIN),
                in.get(PREPROCESSOR), in.get(LABEL), in.get(METRICS)))));
    Pipeline tuning = Pipeline.of(Node.builder("tune_model")
        .inputs(TRAIN, PREPROCESSOR, LABEL, SELECTION_OPTIONS, TUNING).outputs(TUNING_RESULTS)
        .tags("tune").run(in -> Outputs.of(TUNING_RESULTS, Tuning.tune(in.get(TRAIN),
            in.get(PREPROCESSOR), in.get(LABEL), in.get(SELECTION_OPTIONS), in.get(TUNING)))));
    return Map.of("data_processing", processing, "data_science", science,
        "tuning", processing.plus(tuning), DEFAULT, processing.plus(science));
  }
}
