package dev.kiln.ml.bundle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Ed25519 signatures of bundles. The signature covers {@code bundle.json}, which holds the
 * SHA-256 of every other file, so it covers the whole bundle; it is stored as {@code bundle.sig}.
 * Keys are files holding base64 of the standard encodings (PKCS#8 private, X.509 public).
 */
public final class BundleSignatures {
  /** The signature file's name. */
  public static final String FILE = "bundle.sig";

  private BundleSignatures() {}

  /** Generates a key pair and writes {@code <prefix>.key} (private) and {@code <prefix>.pub}. */
  public static void generateKeys(Path prefix) {
    try {
      KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      Files.createDirectories(prefix.toAbsolutePath().getParent());
      Path key = prefix.resolveSibling(prefix.getFileName() + ".key");
      Files.writeString(key, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
      key.toFile().setReadable(false, false);
      key.toFile().setReadable(true, true);
      Files.writeString(prefix.resolveSibling(prefix.getFileName() + ".pub"),
          Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
    } catch (GeneralSecurityException | IOException e) {
      throw new BundleException("Cannot write keys at '" + prefix + "': " + e.getMessage(),
          "check that the folder is writable", e);
    }
  }

  /**
   * Signs a bundle folder with a private key file, writing {@code bundle.sig}. An encrypted
   * bundle is signed as it is stored; no decryption key is needed.
   *
   * @throws BundleException if the bundle or key cannot be read
   */
  public static void sign(Path bundle, Path privateKeyFile) {
    BundleContents contents = BundleContents.read(bundle);
    try {
      PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(
          new PKCS8EncodedKeySpec(read(privateKeyFile)));
      Signature s = Signature.getInstance("Ed25519");
      s.initSign(key);
      s.update(contents.manifestBytes());
      Files.writeString(bundle.resolve(FILE), Base64.getEncoder().encodeToString(s.sign()));
    } catch (GeneralSecurityException | IOException | IllegalArgumentException e) {
      throw new BundleException("Cannot sign bundle '" + bundle + "' with '" + privateKeyFile
          + "': " + e.getMessage(), "pass a private key written by 'kiln bundle keygen'", e);
    }
  }

  /**
   * Returns whether a bundle folder or zip holds a signature ({@value #FILE}); its checksums are
   * verified first.
   *
   * @throws BundleException if the bundle cannot be read or a checksum does not match
   */
  public static boolean isSigned(Path bundle) {
    return BundleContents.read(bundle).stored(FILE) != null;
  }

  /**
   * Verifies a bundle folder's or zip's checksums and its signature against a public key file.
   *
   * @throws BundleException if a checksum does not match, the bundle is unsigned, the signature
   *     does not match, or the key is unreadable
   */
  public static void verify(Path bundle, Path publicKeyFile) {
    check(BundleContents.read(bundle), publicKeyFile);
  }

  static void check(BundleContents bundle, Path publicKeyFile) {
    byte[] sig = bundle.stored(FILE);
    if (sig == null) {
      throw new BundleException("Bundle '" + bundle.where() + "' is not signed, and a signature"
          + " by '" + publicKeyFile + "' is required.", "sign it with 'kiln bundle sign', or do"
          + " not require a signature (" + LoadOptions.PUBLIC_KEY_ENV + ", --require-signature)");
    }
    PublicKey key;
    try {
      key = KeyFactory.getInstance("Ed25519").generatePublic(
          new X509EncodedKeySpec(read(publicKeyFile)));
    } catch (GeneralSecurityException | IOException | IllegalArgumentException e) {
      throw new BundleException("Cannot read public key '" + publicKeyFile + "': " + e,
          "pass a public key written by 'kiln bundle keygen'", e);
    }
    if (!matches(key, bundle.manifestBytes(), sig)) {
      throw new BundleException("The signature of bundle '" + bundle.where() + "' does not"
          + " match '" + publicKeyFile + "': bundle.json was changed or signed with another key.",
          "use the bundle as its author signed it, or the matching public key");
    }
  }

  private static boolean matches(PublicKey key, byte[] manifest, byte[] sig) {
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initVerify(key);
      s.update(manifest);
      return s.verify(Base64.getDecoder().decode(
          new String(sig, java.nio.charset.StandardCharsets.US_ASCII).trim()));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false; // a damaged signature file is a signature that does not match
    }
  }

  private static byte[] read(Path keyFile) throws IOException {
    return Base64.getDecoder().decode(Files.readString(keyFile).trim());
  }
}
