package dev.kiln.ml.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.kiln.core.KilnException;
import dev.kiln.ml.Model;
import dev.kiln.ml.Task;
import java.lang.ref.Cleaner;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A model in ONNX format run by ONNX Runtime (CPU). The graph takes one float tensor [N, F] (the
 * features in order) and gives, for classifiers, probabilities as a float tensor [N, k] (or
 * [N, 1] / [N] for the probability of class 1) or as a sequence of maps (scikit-learn-onnx's
 * {@code output_probability}), and for regression a float tensor [N, 1] or [N].
 */
public final class OnnxModel implements Model {
  /** The bundle model format name. */
  public static final String FORMAT = "onnx";
  /** Closes native sessions of models that are no longer reachable. */
  private static final Cleaner CLEANER = Cleaner.create();

  private final byte[] bytes;
  private final Task task;
  private final List<String> features;
  private final OrtSession session;
  private final String input;
  private final String output;

  private OnnxModel(byte[] bytes, Task task, List<String> features, OrtSession session) {
    this.bytes = bytes;
    this.task = task;
    this.features = List.copyOf(features);
    this.session = session;
    this.input = OnnxGraph.checkInput(session, features.size());
    this.output = OnnxGraph.chooseOutput(session, task);
  }

  /**
   * Loads an ONNX model and checks that its input and outputs have a supported shape.
   *
   * @param featureNames the names of the input tensor's columns, in order
   * @throws KilnException if the bytes are not an ONNX model or its shape is not supported
   */
  public static OnnxModel load(byte[] bytes, Task task, List<String> featureNames) {
    OrtSession session = OnnxGraph.open(bytes);
    try {
      OnnxModel model = new OnnxModel(bytes.clone(), task, featureNames, session);
      CLEANER.register(model, () -> OnnxGraph.close(session));
      return model;
    } catch (RuntimeException e) {
      OnnxGraph.close(session);
      throw e;
    }
  }

  /**
   * Returns the number of features (columns) the model's input tensor takes.
   *
   * @throws KilnException if the model is unreadable, or its width is not fixed
   */
  public static int inputWidth(byte[] bytes) {
    OrtSession session = OnnxGraph.open(bytes);
    try {
      return OnnxGraph.inputWidth(session);
    } finally {
      OnnxGraph.close(session);
    }
  }

  @Override
  public Task task() {
    return task;
  }

  @Override
  public List<String> featureNames() {
    return features;
  }

  @Override
  public double[] predict(float[] matrix, int rows) {
    if (rows == 0) {
      return new double[0];
    }
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    long[] shape = {rows, features.size()};
    try (OnnxTensor in = OnnxTensor.createTensor(env, FloatBuffer.wrap(matrix), shape);
        OrtSession.Result result = session.run(Map.of(input, in), Set.of(output))) {
      OnnxValue value = result.get(0);
      double[] raw = value instanceof OnnxTensor t ? OnnxGraph.values(t) : OnnxGraph.values(value);
      return OnnxGraph.perTask(raw, rows, task, output);
    } catch (OrtException e) {
      throw new KilnException("ONNX Runtime failed to run the model: " + e.getMessage(),
          "check that the model takes " + features.size() + " float features", e);
    }
  }

  @Override
  public byte[] toBytes() {
    return bytes.clone();
  }

  @Override
  public String format() {
    return FORMAT;
  }

  /** Returns an empty map: ONNX graphs carry no feature importances. */
  @Override
  public Map<String, Double> featureImportance() {
    return Map.of();
  }
}
