package dev.kiln.cli;

import dev.kiln.ml.bundle.BundleEncryption;
import dev.kiln.ml.bundle.BundleKey;
import dev.kiln.ml.bundle.BundleManifest;
import dev.kiln.ml.bundle.BundleSignatures;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kiln bundle inspect|keygen|sign|verify|encrypt|decrypt|import-onnx}. */
@Command(name = "bundle", mixinStandardHelpOptions = true,
    subcommands = {BundleInspectCommand.class, ImportOnnxCommand.class},
    description = "Inspect, sign, encrypt and import model bundles.")
final class BundleCommand {
  @Spec CommandSpec spec;

  @Command(name = "keygen", mixinStandardHelpOptions = true,
      description = "Write an Ed25519 key pair, PATH.key (private) and PATH.pub; or with --aes"
          + " an AES-256 encryption key, base64, to the file PATH.")
  void keygen(@Parameters(paramLabel = "PATH") Path path,
      @Option(names = "--aes", description = "Write an AES-256 bundle encryption key.")
      boolean aes) {
    PrintWriter out = spec.commandLine().getOut();
    if (aes) {
      BundleKey key = BundleKey.generate();
      key.write(path);
      out.printf("Wrote AES-256 key %s (key id %s; keep it secret)%n", path, key.id());
      return;
    }
    BundleSignatures.generateKeys(path);
    out.printf("Wrote %s.key (keep it secret) and %s.pub%n", path, path);
  }

  @Command(name = "sign", mixinStandardHelpOptions = true,
      description = "Sign a bundle folder (bundle.json, which holds every file's SHA-256).")
  void sign(@Parameters(paramLabel = "PATH") Path path,
      @Option(names = "--private-key", paramLabel = "FILE", required = true,
          description = "Ed25519 private key (PATH.key from 'kiln bundle keygen').") Path key) {
    BundleSignatures.sign(path, key);
    spec.commandLine().getOut().printf("Signed %s%n", path);
  }

  @Command(name = "verify", mixinStandardHelpOptions = true,
      description = "Verify a bundle's checksums and its signature against a public key.")
  void verify(@Parameters(paramLabel = "PATH") Path path,
      @Option(names = "--public-key", paramLabel = "FILE", required = true,
          description = "Ed25519 public key (PATH.pub from 'kiln bundle keygen').") Path key) {
    BundleSignatures.verify(path, key);
    spec.commandLine().getOut().printf("Bundle %s: checksums and signature verified%n", path);
  }

  @Command(name = "encrypt", mixinStandardHelpOptions = true,
      description = "Encrypt a bundle's files with AES-256-GCM (bundle.json stays readable).")
  void encrypt(@Parameters(paramLabel = "PATH") Path path,
      @ArgGroup(multiplicity = "1") KeySource key,
      @Option(names = "--output", paramLabel = "DIR",
          description = "Folder to write (default: in place).")
      Path output) {
    Path target = output == null ? path : output;
    boolean signed = BundleSignatures.isSigned(path);
    BundleManifest m = BundleEncryption.encrypt(path, key.key(), target);
    spec.commandLine().getOut().printf("Encrypted %s into %s (%s, key id %s)%n", path, target,
        m.encryption().algorithm(), m.encryption().keyId());
    noteSignature(signed);
  }

  @Command(name = "decrypt", mixinStandardHelpOptions = true,
      description = "Decrypt an encrypted bundle's files.")
  void decrypt(@Parameters(paramLabel = "PATH") Path path,
      @ArgGroup(multiplicity = "1") KeySource key,
      @Option(names = "--output", paramLabel = "DIR",
          description = "Folder to write (default: in place).")
      Path output) {
    Path target = output == null ? path : output;
    boolean signed = BundleSignatures.isSigned(path);
    BundleEncryption.decrypt(path, key.key(), target);
    spec.commandLine().getOut().printf("Decrypted %s into %s%n", path, target);
    noteSignature(signed);
  }

  private void noteSignature(boolean wasSigned) {
    if (wasSigned) {
      spec.commandLine().getOut().println("Note: bundle.json changed, so the result is not"
          + " signed; sign it again with 'kiln bundle sign'.");
    }
  }
}
