package dev.kiln.ml;

import dev.kiln.core.KilnException;
import dev.kiln.ml.linear.LinearModel;
import dev.kiln.ml.onnx.OnnxModel;
import dev.kiln.ml.onnx.OnnxRuntimeSupport;
import dev.kiln.ml.xgboost.XGBoostModel;
import java.util.List;

/** Reads a model file back by its format name ({@link Model#format()}). */
public final class ModelFormats {
  private ModelFormats() {}

  /** Returns the file name a model of this format is stored under, e.g. {@code model.json}. */
  public static String fileName(String format) {
    return "model." + (format.endsWith("json") ? "json" : format);
  }

  /**
   * Loads a model from its bytes.
   *
   * @param format the format name, e.g. {@code xgboost-json}
   * @param task what the model predicts
   * @param features the model's feature names, in order
   * @throws KilnException if the format is unknown or the bytes are not such a model, or ONNX
   *     Runtime is not on the class path for an ONNX model
   */
  public static Model load(String format, byte[] bytes, Task task, List<String> features) {
    return switch (format) {
      case XGBoostModel.FORMAT -> XGBoostModel.load(bytes, task, features);
      case LinearModel.FORMAT -> LinearModel.load(bytes);
      case OnnxModel.FORMAT -> {
        OnnxRuntimeSupport.require(); // before OnnxModel, whose linking needs ONNX Runtime
        yield OnnxModel.load(bytes, task, features);
      }
      default -> throw new KilnException("Model format '" + format + "' is not supported.",
          "supported formats: " + XGBoostModel.FORMAT + ", " + LinearModel.FORMAT + ", "
              + OnnxModel.FORMAT);
    };
  }
}
