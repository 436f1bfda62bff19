package dev.kiln.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports Kiln's version from the jar manifest. */
final class KilnVersion implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"kiln " + number() + " (Java " + Runtime.version() + ")"};
  }

  /** Returns Kiln's version from the jar manifest, or {@code development} outside a jar. */
  static String number() {
    String version = KilnVersion.class.getPackage().getImplementationVersion();
    return version == null ? "development" : version;
  }
}
