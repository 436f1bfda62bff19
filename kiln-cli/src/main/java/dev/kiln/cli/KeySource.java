package dev.kiln.cli;

import dev.kiln.ml.bundle.BundleKey;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --key-env VAR | --key-file FILE}: where a bundle's AES key comes from. */
final class KeySource {
  @Option(names = "--key-env", paramLabel = "VAR", required = true,
      description = "Environment variable holding the base64 key (e.g. KILN_BUNDLE_KEY).")
  String variable;

  @Option(names = "--key-file", paramLabel = "FILE", required = true,
      description = "File holding the base64 key (from 'kiln bundle keygen --aes').")
  Path file;

  BundleKey key() {
    return variable != null ? BundleKey.fromEnvironment(variable) : BundleKey.fromFile(file);
  }
}
