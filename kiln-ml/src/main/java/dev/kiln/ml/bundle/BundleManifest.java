package dev.kiln.ml.bundle;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.ml.Task;
import java.util.List;
import java.util.Map;

/**
 * The content of {@code bundle.json}: everything serving needs to know about a model, and the
 * SHA-256 of every other file of the bundle.
 *
 * @param formatVersion the bundle format version: 1, or 2 for an encrypted bundle
 * @param name the model name
 * @param version the model version (a run id, a registry version, or a label)
 * @param task what the model predicts
 * @param createdAt creation time, ISO-8601
 * @param label the target column the model was trained on
 * @param inputs the input fields, before preprocessing
 * @param features the model's feature names, after preprocessing
 * @param threshold the decision threshold of a binary classifier, or null
 * @param modelFormat the model file format, e.g. {@code xgboost-json}
 * @param modelFile the model file name inside the bundle
 * @param preprocessingFile the fitted preprocessing file name inside the bundle
 * @param metrics evaluation metrics
 * @param referenceProfile the training data profile for drift detection (filled by kiln-quality)
 * @param lineage where it came from: run id, data hashes, code version
 * @param files file name to SHA-256, for every file but bundle.json (of the encrypted bytes
 *     when the bundle is encrypted)
 * @param encryption how the other files are encrypted, or null if they are not
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BundleManifest(
    @JsonProperty("format_version") int formatVersion, String name, String version, Task task,
    @JsonProperty("created_at") String createdAt, String label, List<FieldSpec> inputs,
    List<String> features, Double threshold, @JsonProperty("model_format") String modelFormat,
    @JsonProperty("model_file") String modelFile,
    @JsonProperty("preprocessing_file") String preprocessingFile, Map<String, Double> metrics,
    @JsonProperty("reference_profile") JsonNode referenceProfile, Map<String, String> lineage,
    Map<String, String> files, Encryption encryption) {

  /** The newest format version this Kiln reads. */
  public static final int FORMAT_VERSION = 2;
  /** The format version of bundles that are not encrypted, which older Kiln reads too. */
  public static final int PLAIN_FORMAT_VERSION = 1;

  /**
   * How a bundle's files (all but bundle.json) are encrypted.
   *
   * @param algorithm {@code AES-256-GCM}
   * @param keyId the fingerprint of the key, see {@link BundleKey#id()}
   */
  public record Encryption(String algorithm, @JsonProperty("key_id") String keyId) {}

  /**
   * Returns the output column whose drift is the model's prediction drift: {@code probability}
   * for binary classifiers, {@code prediction} otherwise. The reference profile holds it for
   * bundles written since prediction drift exists.
   */
  public String predictionColumn() {
    return task == Task.BINARY_CLASSIFICATION ? "probability" : "prediction";
  }

  /** Returns this manifest with another reference profile. */
  BundleManifest withReferenceProfile(JsonNode profile) {
    return new BundleManifest(formatVersion, name, version, task, createdAt, label, inputs,
        features, threshold, modelFormat, modelFile, preprocessingFile, metrics, profile, lineage,
        files, encryption);
  }

  /** Returns this manifest with other file checksums and encryption (null: not encrypted). */
  BundleManifest withFiles(Map<String, String> sums, Encryption encrypted) {
    return new BundleManifest(encrypted == null ? PLAIN_FORMAT_VERSION : FORMAT_VERSION, name,
        version, task, createdAt, label, inputs, features, threshold, modelFormat, modelFile,
        preprocessingFile, metrics, referenceProfile, lineage, Map.copyOf(sums), encrypted);
  }
}
