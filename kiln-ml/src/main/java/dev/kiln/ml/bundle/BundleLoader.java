package dev.kiln.ml.bundle;

import dev.kiln.ml.Model;
import dev.kiln.ml.ModelFormats;
import java.nio.file.Path;

/** Verifies, checks the signature of and decrypts a bundle; see {@link ModelBundle#load}. */
final class BundleLoader {
  private BundleLoader() {}

  static LoadedBundle load(Path path, LoadOptions options) {
    BundleContents contents = BundleContents.read(path);
    if (options.trustedPublicKey() != null) {
      BundleSignatures.check(contents, options.trustedPublicKey());
    }
    BundleManifest m = contents.manifest();
    Model model = model(m, contents.plain(m.modelFile(), options.key()));
    return new LoadedBundle(m,
        ModelBundle.preprocessing(contents.plain(m.preprocessingFile(), options.key())), model);
  }

  private static Model model(BundleManifest m, byte[] bytes) {
    return ModelFormats.load(m.modelFormat(), bytes, m.task(), m.features());
  }
}
