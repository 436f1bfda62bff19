package usedcars;

import dev.kiln.core.pipeline.DatasetRef;
import dev.kiln.core.pipeline.Metrics;
import dev.kiln.core.pipeline.Node;
import dev.kiln.core.pipeline.Outputs;
import dev.kiln.core.pipeline.Pipeline;
import dev.kiln.core.project.PipelineRegistry;
import dev.kiln.data.Frame;
import dev.kiln.ml.bundle.BundleSpec;
import dev.kiln.ml.preprocess.Step;
import dev.kiln.quality.validation.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The used-car pipelines: {@code generate} (three batches of listings), {@code validate}
 * (schema check and gate), {@code data_processing} (validate, gate, split, fit preprocessing) and
 * {@code data_science} (train, evaluate, package); the default runs the last two.
 */
public final class Pipelines implements PipelineRegistry {
  static final DatasetRef<Frame> CARS = DatasetRef.of("cars", Frame.class);
  static final DatasetRef<Schema> SCHEMA = DatasetRef.of("raw_schema", Schema.class);
  static final DatasetRef<Frame> VALIDATED = DatasetRef.of("validated_cars", Frame.class);
  static final DatasetRef<Frame> QUARANTINE = DatasetRef.of("quarantined_cars", Frame.class);
  static final DatasetRef<Map> REPORT = DatasetRef.of("validation_report", Map.class);
  static final DatasetRef<Frame> CLEAN = DatasetRef.of("clean_cars", Frame.class);
  static final DatasetRef<Frame> TRAIN = DatasetRef.of("train", Frame.class);
  static final DatasetRef<Frame> TEST = DatasetRef.of("test", Frame.class);
  static final DatasetRef<String> PREPROCESSOR = DatasetRef.of("preprocessor", String.class);
  static final DatasetRef<byte[]> MODEL = DatasetRef.of("model", byte[].class);
  static final DatasetRef<Frame> PREDICTIONS = DatasetRef.of("test_predictions", Frame.class);
  static final DatasetRef<Metrics> METRICS = DatasetRef.of("metrics", Metrics.class);
  static final DatasetRef<BundleSpec> BUNDLE = DatasetRef.of("model_bundle", BundleSpec.class);
  static final DatasetRef<String> POLICY = DatasetRef.param("validation.policy", String.class);
  static final DatasetRef<String> LABEL = DatasetRef.param("label", String.class);
  static final DatasetRef<SplitOptions> SPLIT = DatasetRef.param("split", SplitOptions.class);
  static final DatasetRef<Step[]> STEPS = DatasetRef.param("preprocessing", Step[].class);
  static final DatasetRef<ModelOptions> MODEL_OPTIONS = DatasetRef.param("model",
      ModelOptions.class);
  static final DatasetRef<Integer> LISTING_YEAR = DatasetRef.param("generate.listing_year",
      Integer.class);

  @Override
  public Map<String, Pipeline> pipelines() {
    Pipeline validate = Pipeline.of(
        Node.builder("validate").inputs(CARS, SCHEMA, POLICY)
            .outputs(VALIDATED, QUARANTINE, REPORT).tags("validate")
            .run(in -> Validation.validate(in.get(CARS), in.get(SCHEMA), in.get(POLICY))),
        Node.of("gate", VALIDATED, REPORT, CLEAN, Validation::gate));
    Pipeline processing = validate.plus(Pipeline.of(
        Node.builder("split").inputs(CLEAN, SPLIT).outputs(TRAIN, TEST).tags("prep")
            .run(in -> Preparation.split(in.get(CLEAN), in.get(SPLIT))),
        Node.of("fit_preprocessing", TRAIN, STEPS, PREPROCESSOR, Preparation::fitPreprocessing)));
    Pipeline science = Pipeline.of(
        Node.builder("train_model").inputs(TRAIN, PREPROCESSOR, LABEL, SPLIT, MODEL_OPTIONS)
            .outputs(MODEL).tags("train")
            .run(in -> Outputs.of(MODEL, Training.train(in.get(TRAIN), in.get(PREPROCESSOR),
                in.get(LABEL), in.get(SPLIT), in.get(MODEL_OPTIONS)))),
        Node.builder("evaluate_model").inputs(MODEL, TEST, PREPROCESSOR, LABEL)
            .outputs(PREDICTIONS, METRICS).tags("evaluate")
            .run(in -> Training.evaluate(in.get(MODEL), in.get(TEST), in.get(PREPROCESSOR),
                in.get(LABEL))),
        Node.builder("package_model").inputs(MODEL, TRAIN, PREPROCESSOR, LABEL, METRICS)
            .outputs(BUNDLE).tags("package")
            .run(in -> Outputs.of(BUNDLE, Training.bundle(in.get(MODEL), in.get(TRAIN),
                in.get(PREPROCESSOR), in.get(LABEL), in.get(METRICS)))));
    return Map.of("generate", generate(), "validate", validate, "data_processing", processing,
        "data_science", science, DEFAULT, processing.plus(science));
  }

  /** One node per batch: {@code cars_batchN} and its {@code cars_batchN_generation} report. */
  private static Pipeline generate() {
    List<Node> nodes = new ArrayList<>();
    for (int n = 1; n <= 3; n++) {
      DatasetRef<BatchOptions> options = DatasetRef.param("generate.batch" + n,
          BatchOptions.class);
      DatasetRef<Frame> cars = DatasetRef.of("cars_batch" + n, Frame.class);
      DatasetRef<GenerationReport> report = DatasetRef.of("cars_batch" + n + "_generation",
          GenerationReport.class);
      nodes.add(Node.builder("generate_batch" + n).inputs(options, LISTING_YEAR)
          .outputs(cars, report).tags("generate")
          .run(in -> Generation.generate(in.get(options), in.get(LISTING_YEAR), cars, report)));
    }
    return Pipeline.of(nodes);
  }
}
