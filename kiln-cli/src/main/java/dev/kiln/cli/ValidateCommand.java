package dev.kiln.cli;

import dev.kiln.core.KilnException;
import dev.kiln.core.catalog.AtomicFiles;
import dev.kiln.data.ColumnType;
import dev.kiln.data.Frame;
import dev.kiln.data.io.CsvOptions;
import dev.kiln.data.io.FileFormat;
import dev.kiln.data.io.FrameChunks;
import dev.kiln.data.io.FrameReader;
import dev.kiln.data.io.FrameWriter;
import dev.kiln.quality.validation.Schema;
import dev.kiln.quality.validation.ValidationReport;
import dev.kiln.quality.validation.ValidationResult;
import dev.kiln.quality.validation.Validator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    Schema rules = Schema.read(schema);
    FileFormat format = format(data);
    Frame frame = FrameReader.read(data, format, format == FileFormat.CSV ? asText(rules)
        : CsvOptions.defaults());
    ValidationResult result = Validator.validate(frame, rules, List.of());
    var out = spec.commandLine().getOut();
    out.print(result.toTable());
    out.println(result.summary());
    if (report != null) {
      AtomicFiles.write(report, result.toJson().getBytes(StandardCharsets.UTF_8));
    }
    if (quarantine != null) {
      FrameWriter.write(result.quarantine(), quarantine, format(quarantine));
    }
    if (clean != null) {
      FrameWriter.write(result.clean(), clean, format(clean));
    }
    try {
      ValidationReport.of(result).requirePassed(report == null ? null : report.toString());
      return 0;
    } catch (KilnException failed) {
      spec.commandLine().getErr().println(failed.describe());
      return Main.RUN_FAILED;
    }
  }

  /**
   * Returns CSV options reading every typed column of the schema as text, so a value that does
   * not parse fails its own row in validation instead of the whole read.
   */
  private CsvOptions asText(Schema rules) {
    CsvOptions defaults = CsvOptions.defaults();
    List<String> header;
    try (FrameChunks first = FrameReader.chunks(data, FileFormat.CSV, defaults, 1)) {
      header = first.next().columnNames();
    }
    Map<String, ColumnType> text = new LinkedHashMap<>();
    rules.columns().forEach((name, rule) -> {
      if (rule.type() != null && header.contains(name)) {
        text.put(name, ColumnType.STRING);
      }
    });
    return new CsvOptions(defaults.delimiter(), defaults.header(), text);
  }

  static FileFormat format(Path file) {
    return FileFormat.ofFile(file).orElseThrow(() -> new KilnException("Cannot tell the format"
        + " of '" + file + "' from its name.", "use a .csv, .parquet or .jsonl file"));
  }
}
