package dev.kiln.cli;

import dev.kiln.ml.bundle.BundleKey;
import dev.kiln.ml.bundle.BundleManifest;
import dev.kiln.ml.bundle.BundleSignatures;
import dev.kiln.ml.bundle.FieldSpec;
import dev.kiln.ml.bundle.LoadOptions;
import dev.kiln.ml.bundle.ModelBundle;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kiln bundle inspect PATH}: verifies a bundle and shows what it holds. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
    description = "Verify a bundle's checksums, load its model to check it agrees with"
        + " bundle.json, and show its model, schema and metrics (an encrypted bundle without"
        + " its key is verified but not loaded).")
final class BundleInspectCommand implements Runnable {
  @Spec CommandSpec spec;
  @Mixin JsonOutput json;

  @Parameters(paramLabel = "PATH", description = "Bundle folder or zip.")
  Path path;

  @Override
  public void run() {
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
    if (BundleSignatures.isSigned(path)) {
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
        "threshold", m.threshold(), "signed", BundleSignatures.isSigned(path),
        "encryption", m.encryption() == null ? null : JsonOutput.object("algorithm",
            m.encryption().algorithm(), "key_id", m.encryption().keyId()),
        "inputs", m.inputs().stream().map(f -> JsonOutput.object("name", f.name(),
            "type", f.type().name().toLowerCase(Locale.ROOT), "nullable", f.nullable(),
            "min", f.min(), "max", f.max(), "categories", f.categories())).toList(),
        "metrics", m.metrics() == null ? Map.of() : m.metrics(),
        "lineage", m.lineage() == null ? Map.of() : m.lineage());
  }
}
