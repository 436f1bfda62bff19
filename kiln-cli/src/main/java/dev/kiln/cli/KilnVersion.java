package dev.kiln.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports Kiln's version from the jar manifest. */
final class KilnVersion implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = KilnVersion.class.getPackage().getImplementationVersion();
    return new String[] {"kiln " + (version == null ? "development" : version)
        + " (Java " + Runtime.version() + ")"};
  }
}
