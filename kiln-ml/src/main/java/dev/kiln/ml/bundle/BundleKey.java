package dev.kiln.ml.bundle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * An AES-256 key for bundle encryption, written as base64 of its 32 bytes (as {@code openssl rand
 * -base64 32} prints). Its {@link #id()} is a fingerprint that is safe to show and store; the key
 * itself is never printed: {@link #toString()} shows the id only.
 */
public final class BundleKey {
  /** The environment variable holding a base64 key, read by {@link LoadOptions#fromEnvironment}. */
  public static final String ENV = "KILN_BUNDLE_KEY";
  private static final int BYTES = 32;

  private final SecretKey key;
  private final String id;

  private BundleKey(byte[] bytes) {
    this.key = new SecretKeySpec(bytes, "AES");
    this.id = ModelBundle.sha256(bytes).substring(0, 16);
  }

  /** Generates a random key. */
  public static BundleKey generate() {
    byte[] bytes = new byte[BYTES];
    new SecureRandom().nextBytes(bytes);
    return new BundleKey(bytes);
  }

  /**
   * Reads a key from base64 text.
   *
   * @param source where the text came from, for the error message (never the text itself)
   * @throws BundleException if the text is not base64 of 32 bytes
   */
  public static BundleKey fromBase64(String text, String source) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(text.trim());
    } catch (IllegalArgumentException e) {
      bytes = new byte[0];
    }
    if (bytes.length != BYTES) {
      throw new BundleException("The bundle key from " + source + " is not base64 of 32 bytes.",
          "create a key with 'kiln bundle keygen --aes FILE' or 'openssl rand -base64 32'");
    }
    return new BundleKey(bytes);
  }

  /**
   * Reads a key file holding base64 text.
   *
   * @throws BundleException if the file cannot be read or does not hold a key
   */
  public static BundleKey fromFile(Path file) {
    try {
      return fromBase64(Files.readString(file, StandardCharsets.US_ASCII), "file '" + file + "'");
    } catch (IOException e) {
      throw new BundleException("Cannot read bundle key file '" + file + "': " + e,
          "pass the file written by 'kiln bundle keygen --aes'", e);
    }
  }

  /**
   * Reads a key from an environment variable holding base64 text.
   *
   * @throws BundleException if the variable is unset or does not hold a key
   */
  public static BundleKey fromEnvironment(String variable) {
    return fromVariable(variable, System.getenv(variable));
  }

  static BundleKey fromVariable(String variable, String value) {
    if (value == null || value.isBlank()) {
      throw new BundleException("Environment variable '" + variable + "' is not set.",
          "export it with the base64 bundle key, or pass --key-file");
    }
    return fromBase64(value, "environment variable '" + variable + "'");
  }

  /**
   * Writes the key as base64 to a new file readable by its owner only.
   *
   * @throws BundleException if the file exists or cannot be written
   */
  public void write(Path file) {
    Path tmp = null;
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      tmp = Files.createTempFile(parent, ".key", ".tmp"); // owner-only on POSIX
      Files.writeString(tmp, Base64.getEncoder().encodeToString(key.getEncoded()) + "\n");
      Files.move(tmp, file);
    } catch (IOException e) {
      deleteQuietly(tmp);
      throw new BundleException("Cannot write key file '" + file + "': " + e,
          "choose a new file in a writable folder", e);
    }
  }

  private static void deleteQuietly(Path tmp) {
    try {
      if (tmp != null) {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException ignored) {
      // the original error is the one to report
    }
  }

  /** Returns the key's fingerprint: the first 16 hex digits of the SHA-256 of its bytes. */
  public String id() {
    return id;
  }

  SecretKey secretKey() {
    return key;
  }

  @Override
  public String toString() {
    return "BundleKey[id=" + id + "]";
  }
}
