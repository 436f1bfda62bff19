package dev.kiln.ml.bundle;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM for one bundle file: a random 12-byte nonce followed by the ciphertext and its
 * 16-byte tag. The file name is authenticated too, so encrypted files cannot be swapped.
 */
final class BundleCipher {
  static final String ALGORITHM = "AES-256-GCM";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final BundleKey key;
  private final SecureRandom random = new SecureRandom();

  BundleCipher(BundleKey key) {
    this.key = key;
  }

  byte[] encrypt(String name, byte[] plain) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, name, nonce);
      return ByteBuffer.allocate(NONCE_BYTES + cipher.getOutputSize(plain.length)).put(nonce)
          .put(cipher.doFinal(plain)).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every Java 17 runtime", e);
    }
  }

  /**
   * Decrypts a file written by {@link #encrypt}.
   *
   * @throws BundleException if the file is too short or fails authentication
   */
  byte[] decrypt(String where, String name, byte[] data) {
    if (data.length < NONCE_BYTES + TAG_BITS / 8) {
      throw tampered(where, name, null);
    }
    byte[] nonce = java.util.Arrays.copyOf(data, NONCE_BYTES);
    try {
      return cipher(Cipher.DECRYPT_MODE, name, nonce).doFinal(data, NONCE_BYTES,
          data.length - NONCE_BYTES);
    } catch (AEADBadTagException e) {
      throw tampered(where, name, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every Java 17 runtime", e);
    }
  }

  private Cipher cipher(int mode, String name, byte[] nonce) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, key.secretKey(), new GCMParameterSpec(TAG_BITS, nonce));
    cipher.updateAAD(name.getBytes(StandardCharsets.UTF_8));
    return cipher;
  }

  private static BundleException tampered(String where, String name, Throwable cause) {
    return new BundleException("File '" + name + "' of bundle '" + where + "' fails AES-GCM"
        + " authentication: it was modified, truncated or swapped with another file since it was"
        + " encrypted.", "do not edit encrypted bundles; copy the bundle again from its source",
        cause);
  }
}
