/**
 * Model bundles, the contract between training and serving: {@link
 * dev.kiln.ml.bundle.ModelBundle} writes, verifies and loads them; {@link
 * dev.kiln.ml.bundle.BundleSignatures} signs them, {@link dev.kiln.ml.bundle.BundleEncryption}
 * encrypts them at rest, {@link dev.kiln.ml.bundle.LoadOptions} sets the key and signature policy
 * of loading, and {@link dev.kiln.ml.bundle.OnnxImport} bundles ONNX models.
 */
package dev.kiln.ml.bundle;
