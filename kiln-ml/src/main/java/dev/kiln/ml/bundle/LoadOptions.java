package dev.kiln.ml.bundle;

import java.nio.file.Path;
import java.util.Map;

/**
 * How a bundle is loaded: the key that decrypts an encrypted bundle, and the public key whose
 * signature a bundle must carry. {@link ModelBundle#load(Path)} uses {@link #fromEnvironment()},
 * so every loader (batch scoring, serving, catalog datasets) follows the same policy.
 *
 * @param key the decryption key, or null (encrypted bundles are then refused)
 * @param trustedPublicKey an Ed25519 public key file (see {@link BundleSignatures}); when set,
 *     unsigned bundles and bundles not signed by this key are refused; null: no signature needed
 */
public record LoadOptions(BundleKey key, Path trustedPublicKey) {
  /** The environment variable naming a file with the base64 key, if KILN_BUNDLE_KEY is unset. */
  public static final String KEY_FILE_ENV = "KILN_BUNDLE_KEY_FILE";
  /** The environment variable naming the trusted public key file. */
  public static final String PUBLIC_KEY_ENV = "KILN_BUNDLE_PUBLIC_KEY";

  /** Returns options with no key and no signature requirement. */
  public static LoadOptions none() {
    return new LoadOptions(null, null);
  }

  /**
   * Returns the options the environment sets: the key from {@code KILN_BUNDLE_KEY} (base64) or
   * else the file named by {@code KILN_BUNDLE_KEY_FILE}, and the trusted public key file named
   * by {@code KILN_BUNDLE_PUBLIC_KEY}.
   *
   * @throws BundleException if a variable is set but does not hold a valid key
   */
  public static LoadOptions fromEnvironment() {
    return from(System.getenv());
  }

  static LoadOptions from(Map<String, String> env) {
    BundleKey key = null;
    if (isSet(env.get(BundleKey.ENV))) {
      key = BundleKey.fromVariable(BundleKey.ENV, env.get(BundleKey.ENV));
    } else if (isSet(env.get(KEY_FILE_ENV))) {
      key = BundleKey.fromFile(Path.of(env.get(KEY_FILE_ENV)));
    }
    String publicKey = env.get(PUBLIC_KEY_ENV);
    return new LoadOptions(key, isSet(publicKey) ? Path.of(publicKey) : null);
  }

  /** Returns these options with a decryption key. */
  public LoadOptions withKey(BundleKey newKey) {
    return new LoadOptions(newKey, trustedPublicKey);
  }

  /** Returns these options requiring a signature by the public key in {@code file}. */
  public LoadOptions requireSignature(Path file) {
    return new LoadOptions(key, file);
  }

  private static boolean isSet(String value) {
    return value != null && !value.isBlank();
  }
}
