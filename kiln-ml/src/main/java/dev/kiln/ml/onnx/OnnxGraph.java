package dev.kiln.ml.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxMap;
import ai.onnxruntime.OnnxSequence;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.SequenceInfo;
import ai.onnxruntime.TensorInfo;
import dev.kiln.core.KilnException;
import dev.kiln.ml.Task;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The ONNX Runtime side of {@link OnnxModel}: sessions, shape checks and output conversion. */
final class OnnxGraph {
  private static final String SHAPES = "Kiln runs ONNX models with one float input [N, F] and"
      + " float probabilities or values as output (see docs/bundles.md)";

  private OnnxGraph() {}

  static OrtSession open(byte[] bytes) {
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1); // small tabular graphs: threads cost more than they save
      return OrtEnvironment.getEnvironment().createSession(bytes, options);
    } catch (OrtException e) {
      throw new KilnException("Cannot load the ONNX model: " + e.getMessage(),
          "pass a valid .onnx file", e);
    }
  }

  static void close(OrtSession session) {
    try {
      session.close();
    } catch (OrtException e) {
      // the session is gone either way; nothing to recover
    }
  }

  /** Returns the input's name after checking it is one float tensor [N, width]. */
  static String checkInput(OrtSession session, int width) {
    int actual = inputWidth(session);
    if (actual > 0 && actual != width) {
      throw new KilnException("The ONNX model takes " + actual + " features, but " + width
          + " input fields are declared.", "declare exactly the model's features, in order");
    }
    return session.getInputNames().iterator().next();
  }

  /** Returns the input tensor's width, or -1 if it is not fixed. */
  static int inputWidth(OrtSession session) {
    try {
      Map<String, NodeInfo> inputs = session.getInputInfo();
      if (inputs.size() != 1
          || !(inputs.values().iterator().next().getInfo() instanceof TensorInfo t)
          || t.type != OnnxJavaType.FLOAT || t.getShape().length != 2) {
        throw new KilnException("The ONNX model's inputs " + inputs.values() + " are not"
            + " supported.", SHAPES);
      }
      return (int) t.getShape()[1];
    } catch (OrtException e) {
      throw new KilnException("Cannot read the ONNX model's inputs: " + e.getMessage(), SHAPES, e);
    }
  }

  /**
   * Chooses the output to read: the first float tensor for regression; for classifiers the last
   * float tensor or sequence of maps to floats (labels come first in scikit-learn-onnx graphs).
   */
  static String chooseOutput(OrtSession session, Task task) {
    try {
      Map<String, NodeInfo> outputs = session.getOutputInfo();
      String chosen = null;
      for (NodeInfo info : outputs.values()) {
        boolean tensor = info.getInfo() instanceof TensorInfo t && isFloat(t.type);
        boolean maps = info.getInfo() instanceof SequenceInfo s && s.isSequenceOfMaps()
            && isFloat(s.mapInfo.valueType);
        if (tensor || (maps && task != Task.REGRESSION)) {
          chosen = info.getName();
          if (task == Task.REGRESSION) {
            break;
          }
        }
      }
      if (chosen == null) {
        throw new KilnException("The ONNX model has no output Kiln can read as "
            + (task == Task.REGRESSION ? "values" : "probabilities") + "; its outputs are "
            + outputs.values() + ".", SHAPES);
      }
      return chosen;
    } catch (OrtException e) {
      throw new KilnException("Cannot read the ONNX model's outputs: " + e.getMessage(), SHAPES,
          e);
    }
  }

  /** Returns a float or double tensor's values, row-major. */
  static double[] values(OnnxTensor tensor) {
    if (tensor.getInfo().type == OnnxJavaType.DOUBLE) {
      DoubleBuffer b = tensor.getDoubleBuffer();
      double[] out = new double[b.remaining()];
      b.get(out);
      return out;
    }
    FloatBuffer b = tensor.getFloatBuffer();
    double[] out = new double[b.remaining()];
    for (int i = 0; i < out.length; i++) {
      out[i] = b.get(i);
    }
    return out;
  }

  /** Returns a sequence of maps' values, row-major, each row's classes in key order. */
  static double[] values(OnnxValue sequence) throws OrtException {
    List<double[]> rows = new ArrayList<>();
    for (OnnxValue row : ((OnnxSequence) sequence).getValue()) {
      try (OnnxMap map = (OnnxMap) row) { // each call makes new native maps, owned by the caller
        TreeMap<Object, Object> sorted = new TreeMap<>(map.getValue());
        rows.add(sorted.values().stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray());
      }
    }
    int k = rows.isEmpty() ? 0 : rows.get(0).length;
    double[] out = new double[rows.size() * k];
    for (int i = 0; i < rows.size(); i++) {
      System.arraycopy(rows.get(i), 0, out, i * k, k);
    }
    return out;
  }

  /** Returns what {@link dev.kiln.ml.Model#predict} gives for the task, from k values per row. */
  static double[] perTask(double[] raw, int rows, Task task, String output) {
    int k = raw.length / rows;
    if (raw.length % rows != 0 || (task != Task.MULTICLASS_CLASSIFICATION && k > 2)
        || (task == Task.REGRESSION && k != 1)) {
      throw new KilnException("ONNX output '" + output + "' gives " + raw.length + " values for "
          + rows + " rows, which does not fit a " + task + " model.", SHAPES);
    }
    if (task != Task.BINARY_CLASSIFICATION || k == 1) {
      return raw;
    }
    double[] p = new double[rows];
    for (int i = 0; i < rows; i++) {
      p[i] = raw[i * 2 + 1];
    }
    return p;
  }

  private static boolean isFloat(OnnxJavaType type) {
    return type == OnnxJavaType.FLOAT || type == OnnxJavaType.DOUBLE;
  }
}
