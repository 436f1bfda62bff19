package dev.kiln.cli;

import dev.kiln.ml.bundle.BundleManifest;
import dev.kiln.ml.bundle.FieldSpec;
import dev.kiln.ml.bundle.ModelBundle;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kiln bundle inspect PATH}. */
@Command(name = "bundle", mixinStandardHelpOptions = true, description = "Inspect model bundles.")
final class BundleCommand {
  @Spec CommandSpec spec;

  @Command(name = "inspect", mixinStandardHelpOptions = true,
      description = "Verify a bundle's checksums and show its model, schema and metrics.")
  void inspect(@Parameters(paramLabel = "PATH", description = "Bundle folder or zip.") Path path) {
    BundleManifest m = ModelBundle.load(path).manifest();
    PrintWriter out = spec.commandLine().getOut();
    out.printf("Bundle %s (verified: %d files match their SHA-256)%n", path, m.files().size());
    out.printf("  model     %s version %s, %s, %s%n", m.name(), m.version(), m.task(),
        m.modelFormat());
    out.printf("  created   %s%n", m.createdAt());
    out.printf("  label     %s%s%n", m.label(), m.threshold() == null ? ""
        : ", threshold " + m.threshold());
    out.println("  inputs");
    for (FieldSpec f : m.inputs()) {
      out.printf("    %-20s %-9s %s%s%n", f.name(), f.type().name().toLowerCase(
          java.util.Locale.ROOT), f.nullable() ? "nullable " : "",
          f.categories() != null ? "categories " + f.categories()
              : "range [" + f.min() + ", " + f.max() + "]");
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

  @Command(name = "keygen", mixinStandardHelpOptions = true,
      description = "Write an Ed25519 key pair: PREFIX.key (private) and PREFIX.pub.")
  void keygen(@Parameters(paramLabel = "PREFIX") Path prefix) {
    dev.kiln.ml.bundle.BundleSignatures.generateKeys(prefix);
    spec.commandLine().getOut().printf("Wrote %s.key (keep it secret) and %s.pub%n", prefix,
        prefix);
  }

  @Command(name = "sign", mixinStandardHelpOptions = true,
      description = "Sign a bundle folder (bundle.json, which holds every file's SHA-256).")
  void sign(@Parameters(paramLabel = "PATH") Path path,
      @picocli.CommandLine.Option(names = "--key", required = true) Path key) {
    dev.kiln.ml.bundle.BundleSignatures.sign(path, key);
    spec.commandLine().getOut().printf("Signed %s%n", path);
  }

  @Command(name = "verify", mixinStandardHelpOptions = true,
      description = "Verify a bundle's checksums and its signature against a public key.")
  void verify(@Parameters(paramLabel = "PATH") Path path,
      @picocli.CommandLine.Option(names = "--public-key", required = true) Path key) {
    ModelBundle.load(path);
    dev.kiln.ml.bundle.BundleSignatures.verify(path, key);
    spec.commandLine().getOut().printf("Bundle %s: checksums and signature verified%n", path);
  }
}
