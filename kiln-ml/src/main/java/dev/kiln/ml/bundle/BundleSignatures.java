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
   * Signs a bundle folder with a private key file, writing {@code bundle.sig}.
   *
   * @throws BundleException if the bundle or key cannot be read
   */
  public static void sign(Path bundle, Path privateKeyFile) {
    ModelBundle.load(bundle);
    try {
      PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(
          new PKCS8EncodedKeySpec(read(privateKeyFile)));
      Signature s = Signature.getInstance("Ed25519");
      s.initSign(key);
      s.update(Files.readAllBytes(bundle.resolve(ModelBundle.MANIFEST)));
      Files.writeString(bundle.resolve(FILE), Base64.getEncoder().encodeToString(s.sign()));
    } catch (GeneralSecurityException | IOException | IllegalArgumentException e) {
      throw new BundleException("Cannot sign bundle '" + bundle + "' with '" + privateKeyFile
          + "': " + e.getMessage(), "pass a private key written by 'kiln bundle keygen'", e);
    }
  }

  /**
   * Verifies a bundle's signature against a public key file.
   *
   * @throws BundleException if the bundle is unsigned, the signature does not match, or the key
   *     is unreadable
   */
  public static void verify(Path bundle, Path publicKeyFile) {
    try {
      Path sig = bundle.resolve(FILE);
      if (!Files.exists(sig)) {
        throw new BundleException("Bundle '" + bundle + "' is not signed.",
            "sign it with 'kiln bundle sign', or do not require a signature");
      }
      PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(
          new X509EncodedKeySpec(read(publicKeyFile)));
      Signature s = Signature.getInstance("Ed25519");
      s.initVerify(key);
      s.update(Files.readAllBytes(bundle.resolve(ModelBundle.MANIFEST)));
      if (!s.verify(Base64.getDecoder().decode(Files.readString(sig).trim()))) {
        throw new BundleException("The signature of bundle '" + bundle + "' does not match:"
            + " bundle.json was changed or signed with another key.",
            "use the bundle as its author signed it, or the matching public key");
      }
    } catch (GeneralSecurityException | IOException | IllegalArgumentException e) {
      throw new BundleException("Cannot verify bundle '" + bundle + "' with '" + publicKeyFile
          + "': " + e.getMessage(), "pass a public key written by 'kiln bundle keygen'", e);
    }
  }

  private static byte[] read(Path keyFile) throws IOException {
    return Base64.getDecoder().decode(Files.readString(keyFile).trim());
  }
}
