package dev.kiln.cli;

import dev.kiln.ml.RunEnvironment;
import picocli.CommandLine.IVersionProvider;

/** Reports Kiln's version from the jar manifest. */
final class KilnVersion implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"kiln " + number() + " (Java " + Runtime.version() + ")"};
  }

  /** Returns Kiln's version from the jar manifest, or {@code development} outside a jar. */
  static String number() {
    return RunEnvironment.kilnVersion();
  }
}
