/**
 * Models in ONNX format, run with ONNX Runtime on the CPU. {@link dev.kiln.ml.onnx.OnnxModel} is
 * a {@link dev.kiln.ml.Model}, so an imported graph is bundled, served and scored like a model
 * trained in Kiln; {@code dev.kiln.ml.bundle.OnnxImport} makes the bundle.
 */
package dev.kiln.ml.onnx;
