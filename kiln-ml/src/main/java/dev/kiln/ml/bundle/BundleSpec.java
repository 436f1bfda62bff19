package dev.kiln.ml.bundle;

import dev.kiln.data.Frame;
import dev.kiln.ml.Model;
import dev.kiln.ml.preprocess.FittedPreprocessor;
import java.util.Map;
import java.util.Objects;

/**
 * What goes into a new bundle; build one with {@link #builder(String, String)}.
 *
 * @param name the model name
 * @param version the version label
 * @param label the target column
 * @param trainingInputs training rows before preprocessing (the label may be included); their
 *     columns become the input schema
 * @param preprocessing the fitted preprocessing
 * @param model the trained model
 * @param threshold the decision threshold (binary classifiers), or null
 * @param metrics evaluation metrics
 * @param lineage run id, data hashes, code version (see {@link Provenance#toLineage()})
 */
public record BundleSpec(String name, String version, String label, Frame trainingInputs,
    FittedPreprocessor preprocessing, Model model, Double threshold, Map<String, Double> metrics,
    Map<String, String> lineage) {

  /** Starts a spec for a model name and version label. */
  public static Builder builder(String name, String version) {
    return new Builder(name, version);
  }

  /** Builds a {@link BundleSpec}: the model and its training rows are required. */
  public static final class Builder {
    private final String name;
    private final String version;
    private String label;
    private Frame trainingInputs;
    private FittedPreprocessor preprocessing;
    private Model model;
    private Double threshold;
    private Map<String, Double> metrics = Map.of();
    private Map<String, String> lineage = Map.of();

    private Builder(String name, String version) {
      this.name = name;
      this.version = version;
    }

    /** Sets the trained model and the preprocessing fitted with it. */
    public Builder model(Model trained, FittedPreprocessor fitted) {
      this.model = trained;
      this.preprocessing = fitted;
      return this;
    }

    /**
     * Sets the training rows before preprocessing and the target column (null if none): the
     * rows' columns become the input schema and their profile the drift reference.
     */
    public Builder trainedOn(Frame rows, String labelColumn) {
      this.trainingInputs = rows;
      this.label = labelColumn;
      return this;
    }

    /** Sets the decision threshold of a binary classifier (null: none). */
    public Builder threshold(Double value) {
      this.threshold = value;
      return this;
    }

    /** Sets the evaluation metrics. */
    public Builder metrics(Map<String, Double> values) {
      this.metrics = values;
      return this;
    }

    /** Sets the lineage from a typed provenance. */
    public Builder provenance(Provenance provenance) {
      return lineage(provenance.toLineage());
    }

    /** Sets the lineage map as given (e.g. for bundles made outside a pipeline run). */
    public Builder lineage(Map<String, String> values) {
      this.lineage = values;
      return this;
    }

    /**
     * Returns the spec.
     *
     * @throws NullPointerException if the model, preprocessing or training rows are not set
     */
    public BundleSpec build() {
      Objects.requireNonNull(model, "model(...) is required");
      Objects.requireNonNull(preprocessing, "model(...) needs the fitted preprocessing");
      Objects.requireNonNull(trainingInputs, "trainedOn(...) is required");
      return new BundleSpec(name, version, label, trainingInputs, preprocessing, model,
          threshold, metrics, lineage);
    }
  }
}
