package dev.kiln.ml.bundle;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A bundle whose manifest is parsed and whose files match their checksums; the files may still
 * be encrypted.
 *
 * @param where the bundle's path, for messages
 * @param manifestBytes bundle.json as stored (what a signature covers)
 * @param manifest the parsed manifest
 * @param files the bundle's files as stored
 */
record BundleContents(String where, byte[] manifestBytes, BundleManifest manifest,
    BundleFiles files) {

  /**
   * Reads a bundle folder or zip and verifies the format version and every file's checksum.
   *
   * @throws BundleException naming the missing, tampered or truncated file, or the
   *     incompatibility
   */
  static BundleContents read(Path path) {
    try {
      BundleFiles files = BundleFiles.open(path);
      byte[] manifestBytes = files.read(ModelBundle.MANIFEST);
      if (manifestBytes == null) {
        throw new BundleException("'" + path + "' is not a Kiln bundle: it has no bundle.json.",
            "pass the folder or zip written by Kiln (e.g. data/06_models/bundle)");
      }
      BundleManifest manifest = parse(path, manifestBytes);
      verify(path, files, manifest.files());
      return new BundleContents(path.toString(), manifestBytes, manifest, files);
    } catch (IOException e) {
      throw new BundleException("Cannot read bundle '" + path + "': " + e.getMessage(),
          "check the path", e);
    }
  }

  /** Returns a file's bytes as stored; null if absent. */
  byte[] stored(String name) {
    try {
      return files.read(name);
    } catch (IOException e) {
      throw new BundleException("Cannot read '" + name + "' of bundle '" + where + "': "
          + e.getMessage(), "check the path", e);
    }
  }

  /**
   * Returns a listed file's plain bytes, decrypting it if the bundle is encrypted.
   *
   * @param key the key, or null if none was given
   * @throws BundleException if the bundle is encrypted and the key is missing or another one,
   *     or the file fails authentication
   */
  byte[] plain(String name, BundleKey key) {
    byte[] bytes = stored(name);
    BundleManifest.Encryption encryption = manifest.encryption();
    if (encryption == null) {
      return bytes;
    }
    if (!BundleCipher.ALGORITHM.equals(encryption.algorithm())) {
      throw new BundleException("Bundle '" + where + "' is encrypted with '"
          + encryption.algorithm() + "', which this Kiln does not support.",
          "supported: " + BundleCipher.ALGORITHM + "; upgrade Kiln");
    }
    if (key == null) {
      throw new BundleException("Bundle '" + where + "' is encrypted (key id "
          + encryption.keyId() + ") and no key was given.", "set " + BundleKey.ENV
          + " to the base64 key or " + LoadOptions.KEY_FILE_ENV + " to its file, or pass"
          + " --key-file FILE");
    }
    if (!key.id().equals(encryption.keyId())) {
      throw new BundleException("Bundle '" + where + "' is encrypted with key id "
          + encryption.keyId() + ", but the key given has id " + key.id() + ".",
          "use the key the bundle was encrypted with ('kiln bundle inspect' shows its id)");
    }
    return new BundleCipher(key).decrypt(where, name, bytes);
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
}
