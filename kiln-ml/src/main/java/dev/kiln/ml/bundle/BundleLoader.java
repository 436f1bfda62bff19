package dev.kiln.ml.bundle;

import dev.kiln.ml.Model;
import dev.kiln.ml.linear.LinearModel;
import dev.kiln.ml.xgboost.XGBoostModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** Reads and verifies a bundle; see {@link ModelBundle#load}. */
final class BundleLoader {
  private BundleLoader() {}

  static LoadedBundle load(Path path) {
    try {
      BundleFiles files = BundleFiles.open(path);
      byte[] manifestBytes = files.read(ModelBundle.MANIFEST);
      if (manifestBytes == null) {
        throw new BundleException("'" + path + "' is not a Kiln bundle: it has no bundle.json.",
            "pass the folder or zip written by Kiln (e.g. data/06_models/bundle)");
      }
      BundleManifest manifest = parse(path, manifestBytes);
      verify(path, files, manifest.files());
      Model model = model(manifest, files.read(manifest.modelFile()));
      return new LoadedBundle(manifest,
          ModelBundle.preprocessing(files.read(manifest.preprocessingFile())), model);
    } catch (IOException e) {
      throw new BundleException("Cannot read bundle '" + path + "': " + e.getMessage(),
          "check the path", e);
    }
  }

  private static BundleManifest parse(Path path, byte[] bytes) {
    BundleManifest manifest;
    try {
      manifest = ModelBundle.JSON.readValue(bytes, BundleManifest.class);
    } catch (IOException e) {
      throw new BundleException("bundle.json of '" + path + "' is not a valid manifest: "
          + e.getMessage(), "the bundle is damaged; write it again", e);
    }
    if (manifest.formatVersion() > BundleManifest.FORMAT_VERSION) {
      throw new BundleException("Bundle '" + path + "' has format version "
          + manifest.formatVersion() + "; this Kiln reads up to " + BundleManifest.FORMAT_VERSION
          + ".", "upgrade Kiln");
    }
    if (manifest.files() == null || !manifest.files().containsKey(manifest.modelFile())
        || !manifest.files().containsKey(manifest.preprocessingFile())) {
      throw new BundleException("bundle.json of '" + path + "' does not list checksums for its"
          + " model and preprocessing files.", "the bundle is damaged; write it again");
    }
    return manifest;
  }

  private static void verify(Path path, BundleFiles files, Map<String, String> sums)
      throws IOException {
    for (Map.Entry<String, String> e : sums.entrySet()) {
      byte[] bytes = files.read(BundleFiles.checkName(e.getKey()));
      if (bytes == null) {
        throw new BundleException("Bundle '" + path + "' is missing file '" + e.getKey() + "'.",
            "the bundle is incomplete; copy it again");
      }
      String actual = ModelBundle.sha256(bytes);
      if (!actual.equals(e.getValue())) {
        throw new BundleException("File '" + e.getKey() + "' of bundle '" + path + "' does not"
            + " match its checksum (expected " + e.getValue().substring(0, 12) + "…, found "
            + actual.substring(0, 12) + "…): it was modified or truncated.",
            "do not edit bundles; write or copy it again");
      }
    }
  }

  private static Model model(BundleManifest m, byte[] bytes) {
    return switch (m.modelFormat()) {
      case XGBoostModel.FORMAT -> XGBoostModel.load(bytes, m.task(), m.features());
      case LinearModel.FORMAT -> LinearModel.load(bytes);
      default -> throw new BundleException("Bundle model format '" + m.modelFormat()
          + "' is not supported.", "supported formats: " + XGBoostModel.FORMAT + ", "
          + LinearModel.FORMAT);
    };
  }
}
