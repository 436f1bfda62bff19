package dev.kiln.ml.bundle;

import dev.kiln.core.KilnException;
import dev.kiln.ml.Model;
import dev.kiln.ml.ModelFormats;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Verifies, checks the signature of and decrypts a bundle, then checks that its model and its
 * manifest agree; see {@link ModelBundle#load}.
 */
final class BundleLoader {
  private static final String DAMAGED = "the bundle was damaged or edited after it was written"
      + " (or comes from a newer Kiln); write it again (kiln run) or copy it again from where it"
      + " was built";

  private BundleLoader() {}

  static LoadedBundle load(Path path, LoadOptions options) {
    BundleContents contents = BundleContents.read(path);
    if (options.trustedPublicKey() != null) {
      BundleSignatures.check(contents, options.trustedPublicKey());
    }
    BundleManifest m = contents.manifest();
    Model model = model(path, m, contents.plain(m.modelFile(), options.key()));
    checkConsistent(path, m, model);
    return new LoadedBundle(m,
        ModelBundle.preprocessing(contents.plain(m.preprocessingFile(), options.key())), model);
  }

  private static Model model(Path path, BundleManifest m, byte[] bytes) {
    try {
      return ModelFormats.load(m.modelFormat(), bytes, m.task(), m.features());
    } catch (KilnException e) {
      throw new BundleException("Bundle '" + path + "' cannot be loaded from its model file '"
          + m.modelFile() + "': " + e.getMessage(), DAMAGED, e);
    }
  }

  /**
   * Refuses a model that names other features than the manifest, or fails one prediction of a
   * row of missing values, so that no inconsistency surfaces later as a native error.
   */
  private static void checkConsistent(Path path, BundleManifest m, Model model) {
    if (!model.featureNames().equals(m.features())) {
      throw new BundleException("Bundle '" + path + "' cannot be loaded: its model's features "
          + model.featureNames() + " are not the features of bundle.json " + m.features() + ".",
          DAMAGED);
    }
    float[] missing = new float[m.features().size()];
    Arrays.fill(missing, Float.NaN);
    try {
      model.predict(missing, 1);
    } catch (RuntimeException e) {
      throw new BundleException("Bundle '" + path + "' cannot be loaded: its model fails a test"
          + " prediction (" + (e instanceof KilnException ? e.getMessage() : e.toString())
          + ").", DAMAGED, e);
    }
  }
}
