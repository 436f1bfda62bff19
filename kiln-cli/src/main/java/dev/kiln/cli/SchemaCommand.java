package dev.kiln.cli;

import dev.kiln.data.io.CsvOptions;
import dev.kiln.data.io.FrameReader;
import dev.kiln.quality.validation.Schema;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kiln schema infer DATA > schema.yml}. */
@Command(name = "schema", mixinStandardHelpOptions = true, description = "Work with schemas.")
final class SchemaCommand {
  @Spec CommandSpec spec;

  @Command(name = "infer", mixinStandardHelpOptions = true,
      description = "Draft a schema from data (types, nullability, ranges, categories) to edit.")
  void infer(@Parameters(paramLabel = "DATA") Path data) {
    spec.commandLine().getOut().print(Schema.infer(FrameReader.read(data,
        ValidateCommand.format(data), CsvOptions.defaults())).toYaml());
  }
}
