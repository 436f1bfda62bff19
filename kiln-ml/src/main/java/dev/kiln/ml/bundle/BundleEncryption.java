package dev.kiln.ml.bundle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Encrypts bundles at rest with AES-256-GCM, and decrypts them. bundle.json stays readable (so a
 * bundle can be inspected, verified and signed without the key) and records the algorithm and
 * the key's id; every other file is encrypted with its own random nonce and its name as
 * associated data. The checksums in bundle.json are of the encrypted files. A signature does not
 * survive (bundle.json changes): sign the result again.
 */
public final class BundleEncryption {
  private BundleEncryption() {}

  /**
   * Encrypts a bundle into a folder, atomically; {@code output} may be the bundle folder itself.
   *
   * @return the new manifest
   * @throws BundleException if the bundle is invalid or already encrypted, or the output exists
   */
  public static BundleManifest encrypt(Path bundle, BundleKey key, Path output) {
    BundleContents contents = BundleContents.read(bundle);
    BundleManifest.Encryption current = contents.manifest().encryption();
    if (current != null) {
      throw new BundleException("Bundle '" + bundle + "' is already encrypted (key id "
          + current.keyId() + ").", "to change the key, decrypt it first with the old key");
    }
    BundleCipher cipher = new BundleCipher(key);
    Map<String, byte[]> files = new TreeMap<>();
    for (String name : contents.manifest().files().keySet()) {
      files.put(name, cipher.encrypt(name, contents.stored(name)));
    }
    BundleManifest manifest = contents.manifest().withFiles(Map.of(),
        new BundleManifest.Encryption(BundleCipher.ALGORITHM, key.id()));
    return BundleFolder.write(output, manifest, files, inPlace(bundle, output));
  }

  /**
   * Decrypts a bundle into a folder, atomically; {@code output} may be the bundle folder itself.
   *
   * @return the new manifest
   * @throws BundleException if the bundle is invalid or not encrypted, the key is another one,
   *     a file fails authentication, or the output exists
   */
  public static BundleManifest decrypt(Path bundle, BundleKey key, Path output) {
    BundleContents contents = BundleContents.read(bundle);
    if (contents.manifest().encryption() == null) {
      throw new BundleException("Bundle '" + bundle + "' is not encrypted.",
          "there is nothing to decrypt; load it as it is");
    }
    Map<String, byte[]> files = new TreeMap<>();
    for (String name : contents.manifest().files().keySet()) {
      files.put(name, contents.plain(name, key));
    }
    return BundleFolder.write(output, contents.manifest().withFiles(Map.of(), null), files,
        inPlace(bundle, output));
  }

  private static boolean inPlace(Path bundle, Path output) {
    boolean same = bundle.toAbsolutePath().normalize().equals(output.toAbsolutePath().normalize());
    if (same && !Files.isDirectory(bundle)) {
      throw new BundleException("Cannot replace zip '" + bundle + "' with a bundle folder.",
          "write the result to a new folder with --output");
    }
    return same;
  }
}
