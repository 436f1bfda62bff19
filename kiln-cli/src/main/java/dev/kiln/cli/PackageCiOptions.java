package dev.kiln.cli;

import dev.kiln.deploy.ci.CiTemplates;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The options of {@code kiln package --target ci}: which CI systems, data and schema. */
final class PackageCiOptions {
  @Option(names = "--ci", defaultValue = "all", paramLabel = "SYSTEM", description = "For"
      + " --target ci: github, gitlab, jenkins or all (default).")
  String ci;

  @Option(names = "--data", defaultValue = "data/01_raw/new.csv", description = "For --target"
      + " ci: the new data file the pipeline validates.")
  String data;

  @Option(names = "--schema", defaultValue = "", description = "For --target ci: the schema"
      + " it is validated against (default: no validation step).")
  String schema;

  /** Writes the CI files for {@code model} into {@code folder}; returns them. */
  List<Path> write(String model, Path folder) throws IOException {
    return CiTemplates.write(new CiTemplates.Settings(model, data, schema),
        CiTemplates.System.parse(ci), folder);
  }
}
