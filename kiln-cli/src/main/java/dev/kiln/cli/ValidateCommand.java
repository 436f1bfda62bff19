package dev.kiln.cli;

import dev.kiln.core.KilnException;
import dev.kiln.core.catalog.AtomicFiles;
import dev.kiln.data.Frame;
import dev.kiln.data.io.CsvOptions;
import dev.kiln.data.io.FileFormat;
import dev.kiln.data.io.FrameReader;
import dev.kiln.data.io.FrameWriter;
import dev.kiln.quality.validation.Schema;
import dev.kiln.quality.validation.ValidationResult;
import dev.kiln.quality.validation.Validator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kiln validate DATA --schema S}: the data gate from the command line. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Check a data file against a schema; quarantine failing rows with reasons.")
final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "DATA", description = "CSV, Parquet or JSONL file.")
  Path data;

  @Option(names = "--schema", required = true, description = "Schema YAML.")
  Path schema;

  @Option(names = "--report", description = "Write the JSON report here.")
  Path report;

  @Option(names = "--quarantine", description = "Write quarantined rows (with _reasons) here.")
  Path quarantine;

  @Option(names = "--clean", description = "Write the rows that pass here.")
  Path clean;

  @Override
  public Integer call() throws IOException {
    Frame frame = FrameReader.read(data, format(data), CsvOptions.defaults());
    ValidationResult result = Validator.validate(frame, Schema.read(schema), List.of());
    var out = spec.commandLine().getOut();
    out.print(result.toTable());
    out.printf("%,d rows: %,d pass, %,d quarantined%n", frame.rowCount(), result.clean().rowCount(),
        result.quarantine().rowCount());
    if (report != null) {
      AtomicFiles.write(report, result.toJson().getBytes(StandardCharsets.UTF_8));
    }
    if (quarantine != null) {
      FrameWriter.write(result.quarantine(), quarantine, format(quarantine));
    }
    if (clean != null) {
      FrameWriter.write(result.clean(), clean, format(clean));
    }
    if (!result.passed()) {
      spec.commandLine().getErr().println("Validation failed: a rule with policy 'fail' failed;"
          + " training must not run on this data." + (report == null ? ""
          : " Report: " + report));
      return Main.RUN_FAILED;
    }
    return 0;
  }

  static FileFormat format(Path file) {
    return FileFormat.ofFile(file).orElseThrow(() -> new KilnException("Cannot tell the format"
        + " of '" + file + "' from its name.", "use a .csv, .parquet or .jsonl file"));
  }
}
