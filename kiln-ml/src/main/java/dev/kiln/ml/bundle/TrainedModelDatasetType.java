package dev.kiln.ml.bundle;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kiln.core.catalog.Dataset;
import dev.kiln.core.catalog.DatasetException;
import dev.kiln.core.catalog.DatasetSpec;
import dev.kiln.core.catalog.DatasetType;
import dev.kiln.ml.Model;
import dev.kiln.ml.ModelFormats;
import dev.kiln.ml.Task;
import dev.kiln.ml.TrainedModel;
import dev.kiln.ml.preprocess.FittedPreprocessor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code type: trained_model} ({@code filepath}: a folder): keeps a {@link TrainedModel} between
 * runs as {@code trained_model.json} (target, task, inputs, features, model format), {@code
 * preprocessing.json} and the model in its own format (XGBoost JSON, linear JSON or ONNX). No
 * Java serialization; the folder is replaced atomically.
 */
public final class TrainedModelDatasetType implements DatasetType {
  static final String DESCRIPTION = "trained_model.json";

  /**
   * What {@code trained_model.json} holds.
   *
   * @param label the target column
   * @param task what the model predicts
   * @param inputs the input columns, before preprocessing
   * @param features the model's feature names
   * @param modelFormat the model file's format
   * @param modelFile the model file's name
   */
  record Description(String label, Task task, List<String> inputs, List<String> features,
      @JsonProperty("model_format") String modelFormat,
      @JsonProperty("model_file") String modelFile) {}

  @Override
  public String name() {
    return "trained_model";
  }

  @Override
  public Dataset<?> create(DatasetSpec spec) {
    spec.checkOptions(List.of("filepath"));
    return new TrainedModelDataset(spec.name(), spec.filepath());
  }

  private record TrainedModelDataset(String name, Path dir) implements Dataset<Object> {
    @Override
    public Class<?> valueType() {
      return TrainedModel.class;
    }

    @Override
    public Object load() {
      try {
        Description d = ModelBundle.JSON.readValue(dir.resolve(DESCRIPTION).toFile(),
            Description.class);
        FittedPreprocessor pre = FittedPreprocessor.fromJson(Files.readString(
            dir.resolve(ModelBundle.PREPROCESSING), StandardCharsets.UTF_8));
        Model model = ModelFormats.load(d.modelFormat(),
            Files.readAllBytes(dir.resolve(BundleFiles.checkName(d.modelFile()))), d.task(),
            d.features());
        return new TrainedModel(d.label(), d.task(), d.inputs(), pre, model);
      } catch (NoSuchFileException e) {
        throw new DatasetException("Trained model '" + name + "' does not exist at '" + dir
            + "' (missing " + e.getFile() + ").", "run the node that trains the model first");
      } catch (IOException e) {
        throw new DatasetException("Cannot read trained model '" + name + "' from '" + dir
            + "': " + e.getMessage(), "save it again with the train or tune node", e);
      }
    }

    @Override
    public void save(Object value) {
      if (!(value instanceof TrainedModel m)) {
        throw new DatasetException("Dataset '" + name + "' stores trained models; the node gave"
            + " a " + (value == null ? "null" : value.getClass().getName()) + ".",
            "connect the output of a train or tune node");
      }
      String modelFile = ModelFormats.fileName(m.model().format());
      Map<String, byte[]> files = new TreeMap<>();
      try {
        files.put(DESCRIPTION, ModelBundle.JSON.writeValueAsBytes(new Description(m.label(),
            m.task(), m.inputs(), m.model().featureNames(), m.model().format(), modelFile)));
        files.put(ModelBundle.PREPROCESSING,
            m.preprocessing().toJson().getBytes(StandardCharsets.UTF_8));
        files.put(modelFile, m.model().toBytes());
        Files.createDirectories(dir.toAbsolutePath().getParent());
        BundleFolder.replace(dir, files);
      } catch (IOException e) {
        throw new DatasetException("Cannot save trained model '" + name + "' to '" + dir + "': "
            + e.getMessage(), "check that the folder is writable", e);
      }
    }

    @Override
    public boolean exists() {
      return Files.exists(dir.resolve(DESCRIPTION));
    }

    @Override
    public Optional<Path> location() {
      return Optional.of(dir);
    }
  }
}
