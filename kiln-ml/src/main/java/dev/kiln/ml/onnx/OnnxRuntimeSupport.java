package dev.kiln.ml.onnx;

import dev.kiln.core.OptionalSupport;

/**
 * Checks that ONNX Runtime is on the class path before {@link OnnxModel} is touched: the slim
 * {@code kiln.jar} finds it in {@code lib/kiln-onnx.jar}. It is a class of its own because the
 * JVM loads ONNX Runtime's classes as soon as it verifies {@link OnnxModel}.
 */
public final class OnnxRuntimeSupport {
  private static final OptionalSupport SUPPORT = new OptionalSupport("ONNX models",
      "ai.onnxruntime.OrtEnvironment", "kiln-onnx.jar", "com.microsoft.onnxruntime:onnxruntime");

  private OnnxRuntimeSupport() {}

  /**
   * Checks ONNX Runtime is present.
   *
   * @throws dev.kiln.core.KilnException naming the jar and the Maven dependency when it is not
   */
  public static void require() {
    SUPPORT.require();
  }
}
