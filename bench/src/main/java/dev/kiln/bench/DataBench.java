package dev.kiln.bench;

import dev.kiln.data.Frame;
import dev.kiln.data.internal.DuckDb;
import dev.kiln.data.internal.ResultSetFrames;
import dev.kiln.data.io.CsvOptions;
import dev.kiln.data.io.FileFormat;
import dev.kiln.data.io.FrameReader;
import dev.kiln.data.io.FrameWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Reads and writes in one process, each against a baseline measured in the same run: the fraud
 * CSV against pandas {@code read_csv}; a generated 3M-row trip table (timestamp, two integers,
 * two strings of ~230 values) from Parquet against DuckDB filling its own table (the ceiling)
 * and against the JDBC row-by-row path Kiln used before. Peak RSS is the process's high-water
 * mark, reset before each step. Usage: DataBench FRAUD_CSV WORK_DIR (also writes there the fraud
 * bundle's inputs, fraud-score.csv and a 3M-row fraud-3m.parquet, for bench/data/run.sh).
 */
public final class DataBench {
  private static final int TRIP_ROWS = 3_000_000;

  private DataBench() {}

  /** Runs the benchmark. */
  public static void main(String[] args) throws Exception {
    Path csv = Path.of(args[0]);
    Path work = Files.createDirectories(Path.of(args[1]));
    String[] py = python(csv).trim().split("\\s+");
    Step kilnCsv = Step.best(3, () -> FrameReader.csv(csv, CsvOptions.defaults()));
    Frame fraud = FrameReader.csv(csv, CsvOptions.defaults());
    int fraudRows = fraud.rowCount();
    double pandas = Double.parseDouble(py[0]);
    Report.header("%,d rows x %d columns (fraud CSV, %.0f MB)", fraudRows,
        fraud.columnNames().size(), Files.size(csv) / 1e6);
    Report.rate("CSV read", kilnCsv, fraudRows);
    Report.baseline(kilnCsv, fraudRows, "pandas read_csv", pandas, Double.parseDouble(py[1]),
        "goal >= 2");

    Path trips = work.resolve("trips-3m.parquet");
    Frame table = TripTable.generate(TRIP_ROWS, 42);
    Step write = Step.best(1, () -> FrameWriter.write(table, trips, FileFormat.PARQUET));
    Report.header("%,d rows x 5 columns (generated trips, Parquet %.0f MB)", TRIP_ROWS,
        Files.size(trips) / 1e6);
    Report.rate("Parquet write", write, TRIP_ROWS);
    Step read = Step.best(3, () -> FrameReader.parquet(trips));
    Step duck = Step.best(3, () -> duckdbTable(trips));
    Step rows = Step.best(1, () -> jdbcRows(trips));
    Report.rate("Parquet read (Arrow, goal >= 10M rows/s)", read, TRIP_ROWS);
    Report.baseline(read, TRIP_ROWS, "DuckDB into its own table", duck.seconds(),
        duck.peakRssMb(), "");
    Report.baseline(read, TRIP_ROWS, "JDBC rows (Kiln's old path)", rows.seconds(),
        rows.peakRssMb(), "");

    Frame inputs = bundleInputs(fraud);
    FrameWriter.write(inputs, work.resolve("fraud-score.csv"), FileFormat.CSV);
    int[] repeat = IntStream.range(0, TRIP_ROWS).map(i -> i % fraudRows).toArray();
    FrameWriter.write(inputs.take(repeat), work.resolve("fraud-3m.parquet"), FileFormat.PARQUET);
  }

  /** The fraud bundle's inputs: the raw columns without the label (it derives its features). */
  private static Frame bundleInputs(Frame raw) {
    return raw.drop(List.of("Class"));
  }

  private static void duckdbTable(Path file) throws Exception {
    try (Connection c = DuckDb.open(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t AS SELECT * FROM read_parquet('" + file + "')");
    }
  }

  private static void jdbcRows(Path file) throws Exception {
    try (Connection c = DuckDb.open(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM read_parquet('" + file + "')")) {
      ResultSetFrames.read(rs, -1);
    }
  }

  private static String python(Path csv) throws Exception {
    String script = String.join("\n",
        "import sys, time, resource, pandas as pd",
        "b = 1e9",
        "for _ in range(3):",
        "    t = time.perf_counter(); pd.read_csv(sys.argv[1]); b = min(b, time.perf_counter() - t)",
        "print(b, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)");
    return PythonScript.run(script, "python3-pandas", csv.toString());
  }
}
