package dev.kiln.ml.nodes;

import dev.kiln.core.nodes.NodeCall;
import dev.kiln.core.nodes.NodeType;
import dev.kiln.core.nodes.Port;
import dev.kiln.core.pipeline.Metrics;
import dev.kiln.core.pipeline.NodeContext;
import dev.kiln.data.Frame;
import dev.kiln.ml.Task;
import dev.kiln.ml.TrainedModel;
import dev.kiln.ml.bundle.BundleSpec;
import dev.kiln.ml.bundle.Provenance;
import java.util.List;
import java.util.Map;

/**
 * {@code type: bundle}: packages a trained model as a bundle (save it to a {@code model_bundle}
 * dataset): the input schema and training profile from the training rows, the preprocessing, the
 * model, the metrics and threshold, and lineage recorded automatically: run id, pipeline, Kiln,
 * Java and XGBoost versions, the project's git commit and dirty flag, parameters and the hashes
 * of the datasets the run read.
 */
public final class BundleNode implements NodeType {
  /**
   * The parameters.
   *
   * @param name the model name (default: the project folder's name)
   * @param version the version label (default: the run id)
   */
  public record Params(String name, String version) {}

  @Override
  public String name() {
    return "bundle";
  }

  @Override
  public String summary() {
    return "Packages the model, preprocessing, schema, profile, metrics and lineage.";
  }

  @Override
  public List<Port> inputs() {
    return List.of(Port.required("model", TrainedModel.class, "the trained model"),
        Port.required("data", Frame.class, "the training rows: input schema and profile"),
        Port.optional("metrics", Metrics.class, "evaluation metrics (and the threshold)"));
  }

  @Override
  public List<Port> outputs() {
    return List.of(Port.required("bundle", BundleSpec.class, "the bundle (a model_bundle"
        + " dataset writes it)"));
  }

  @Override
  public Class<? extends Record> parameters() {
    return Params.class;
  }

  @Override
  public Map<String, Object> run(NodeCall call) {
    Params p = call.parameters(Params.class);
    TrainedModel model = call.input("model", TrainedModel.class);
    Frame data = call.input("data", Frame.class);
    Map<String, Double> metrics = call.has("metrics")
        ? call.input("metrics", Metrics.class).values() : Map.of();
    NodeContext context = call.context();
    String name = p.name() != null ? p.name() : context.projectDir() != null
        ? context.projectDir().getFileName().toString() : "model";
    String version = p.version() != null ? p.version()
        : context.runId() != null ? context.runId() : "local";
    Double threshold = model.task() == Task.BINARY_CLASSIFICATION
        ? metrics.get("threshold") : null;
    return Map.of("bundle", BundleSpec.builder(name, version)
        .model(model.model(), model.preprocessing())
        .trainedOn(data.select(model.inputs()), model.label())
        .threshold(threshold).metrics(metrics).provenance(Provenance.of(context)).build());
  }
}
