package dev.kiln.cli;

import dev.kiln.ml.bundle.BundleEncryption;
import dev.kiln.ml.bundle.BundleKey;
import dev.kiln.ml.bundle.BundleManifest;
import dev.kiln.ml.bundle.BundleSignatures;
import dev.kiln.ml.bundle.FieldSpec;
import dev.kiln.ml.bundle.LoadOptions;
import dev.kiln.ml.bundle.ModelBundle;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kiln bundle inspect|keygen|sign|verify|encrypt|decrypt|import-onnx}. */
@Command(name = "bundle", mixinStandardHelpOptions = true, subcommands = ImportOnnxCommand.class,
    description = "Inspect, sign, encrypt and import model bundles.")
final class BundleCommand {
  @Spec CommandSpec spec;

  @Command(name = "inspect", mixinStandardHelpOptions = true,
      description = "Verify a bundle's checksums, load its model to check it agrees with"
          + " bundle.json, and show its model, schema and metrics (an encrypted bundle without"
          + " its key is verified but not loaded).")
  void inspect(@Parameters(paramLabel = "PATH", description = "Bundle folder or zip.") Path path,
      @Mixin JsonOutput json) {
    BundleManifest m = ModelBundle.verify(path);
    LoadOptions options = new LoadOptions(LoadOptions.fromEnvironment().key(), null);
    boolean loadable = m.encryption() == null || options.key() != null;
    if (loadable) {
      ModelBundle.load(path, options);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json.enabled()) {
      JsonOutput.print(out, inspectJson(path, m));
      return;
    }
    out.printf("Bundle %s (verified: %d files match their SHA-256; %s)%n", path, m.files().size(),
        loadable ? "the model loads and agrees with bundle.json"
            : "encrypted, the model was not loaded: set " + BundleKey.ENV + " to check it");
    out.printf("  model     %s version %s, %s, %s%n", m.name(), m.version(), m.task(),
        m.modelFormat());
    out.printf("  created   %s%n", m.createdAt());
    if (m.label() != null) {
      out.printf("  label     %s%s%n", m.label(), m.threshold() == null ? ""
          : ", threshold " + m.threshold());
    }
    if (m.encryption() != null) {
      out.printf("  encrypted %s, key id %s%n", m.encryption().algorithm(),
          m.encryption().keyId());
    }
    if (isSigned(path)) {
      out.printf("  signed    %s (check with 'kiln bundle verify')%n", BundleSignatures.FILE);
    }
    out.println("  inputs");
    for (FieldSpec f : m.inputs()) {
      out.printf("    %-20s %-9s %s%s%n", f.name(), f.type().name().toLowerCase(Locale.ROOT),
          f.nullable() ? "nullable " : "", f.categories() != null ? "categories "
              + f.categories() : "range [" + f.min() + ", " + f.max() + "]");
    }
    if (m.metrics() != null) {
      out.println("  metrics");
      m.metrics().forEach((k, v) -> out.printf("    %-20s %s%n", k, v));
    }
    if (m.lineage() != null) {
      out.println("  lineage");
      m.lineage().forEach((k, v) -> out.printf("    %-20s %s%n", k, v));
    }
  }

  private static Map<String, Object> inspectJson(Path path, BundleManifest m) {
    return JsonOutput.object("path", path.toString(), "verified_files", m.files().size(),
        "name", m.name(), "version", m.version(), "task", m.task().name(),
        "model_format", m.modelFormat(), "created_at", m.createdAt(), "label", m.label(),
        "threshold", m.threshold(), "signed", isSigned(path),
        "encryption", m.encryption() == null ? null : JsonOutput.object("algorithm",
            m.encryption().algorithm(), "key_id", m.encryption().keyId()),
        "inputs", m.inputs().stream().map(f -> JsonOutput.object("name", f.name(),
            "type", f.type().name().toLowerCase(Locale.ROOT), "nullable", f.nullable(),
            "min", f.min(), "max", f.max(), "categories", f.categories())).toList(),
        "metrics", m.metrics() == null ? Map.of() : m.metrics(),
        "lineage", m.lineage() == null ? Map.of() : m.lineage());
  }

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
    boolean signed = isSigned(path);
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
    boolean signed = isSigned(path);
    BundleEncryption.decrypt(path, key.key(), target);
    spec.commandLine().getOut().printf("Decrypted %s into %s%n", path, target);
    noteSignature(signed);
  }

  private static boolean isSigned(Path bundle) {
    return Files.exists(bundle.resolve(BundleSignatures.FILE));
  }

  private void noteSignature(boolean wasSigned) {
    if (wasSigned) {
      spec.commandLine().getOut().println("Note: bundle.json changed, so the result is not"
          + " signed; sign it again with 'kiln bundle sign'.");
    }
  }
}
