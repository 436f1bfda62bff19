package dev.kiln.bench;

import dev.kiln.data.Frame;
import dev.kiln.data.io.CsvOptions;
import dev.kiln.data.io.FileFormat;
import dev.kiln.data.io.FrameReader;
import dev.kiln.data.io.FrameWriter;
import dev.kiln.ml.split.FrameSplit;
import dev.kiln.quality.validation.Schema;
import dev.kiln.quality.validation.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The fraud example's data steps as its pipeline runs them — validate (CSV read + schema checks),
 * clean (drop missing and duplicate rows), features (two derived columns), stratified split —
 * with Parquet between the steps, against pandas + scikit-learn doing the same steps the usual
 * way (read_csv + checks, dropna + drop_duplicates, two columns, train_test_split) in the same
 * run. Usage: FraudDataBench CSV_FILE SCHEMA_YML.
 */
public final class FraudDataBench {
  private FraudDataBench() {}

  /** Runs the benchmark. */
  public static void main(String[] args) throws Exception {
    Path csv = Path.of(args[0]);
    Schema schema = Schema.read(Path.of(args[1]));
    Path dir = Files.createTempDirectory("kiln-fraud-bench");
    Path validated = dir.resolve("validated.parquet");
    Path clean = dir.resolve("clean.parquet");
    Path features = dir.resolve("features.parquet");
    double validate = Timing.bestMillis(3, () -> FrameWriter.write(Validator.validate(
        FrameReader.csv(csv, CsvOptions.defaults()), schema, List.of()).clean(), validated,
        FileFormat.PARQUET));
    double cleaning = Timing.bestMillis(3, () -> FrameWriter.write(
        FrameReader.parquet(validated).dropNulls().dropDuplicates(), clean, FileFormat.PARQUET));
    double deriving = Timing.bestMillis(3, () -> FrameWriter.write(features(
        FrameReader.parquet(clean)), features, FileFormat.PARQUET));
    double splitting = Timing.bestMillis(3, () -> {
      FrameSplit split = FrameSplit.of(FrameReader.parquet(features), "Class", 0.2, 7);
      FrameWriter.write(split.train(), dir.resolve("train.parquet"), FileFormat.PARQUET);
      FrameWriter.write(split.test(), dir.resolve("test.parquet"), FileFormat.PARQUET);
    });
    Frame raw = FrameReader.csv(csv, CsvOptions.defaults());
    Frame[] stage = new Frame[3];
    double[] memory = {
        Timing.bestMillis(3, () -> stage[0] = Validator.validate(FrameReader.csv(csv,
            CsvOptions.defaults()), schema, List.of()).clean()),
        Timing.bestMillis(3, () -> stage[1] = stage[0].dropNulls().dropDuplicates()),
        Timing.bestMillis(3, () -> stage[2] = features(stage[1])),
        Timing.bestMillis(3, () -> FrameSplit.of(stage[2], "Class", 0.2, 7))};
    String[] py = python(csv).trim().split("\\s+");
    double[] pandas = new double[py.length];
    for (int i = 0; i < py.length; i++) {
      pandas[i] = Double.parseDouble(py[i]) * 1000;
    }
    double[] parquet = {validate, cleaning, deriving, splitting};
    System.out.printf("Fraud data steps on %s (%,d rows), best of 3. Kiln as its pipeline runs"
        + " (Parquet written and read between steps) and in memory; pandas in memory%n",
        csv.getFileName(), raw.rowCount());
    System.out.printf("%-34s %12s %12s %10s %8s %8s%n", "step", "Kiln+Parquet", "Kiln memory",
        "pandas", "ratio", "ratio");
    String[] names = {"validate (read CSV + checks)", "clean (missing + duplicates)",
        "features (2 derived columns)", "stratified split"};
    double[] total = new double[3];
    for (int i = 0; i < 4; i++) {
      row(names[i], parquet[i], memory[i], pandas[i]);
      total[0] += parquet[i];
      total[1] += memory[i];
      total[2] += pandas[i];
    }
    row("total (goal: ratio <= 1)", total[0], total[1], total[2]);
    System.out.println("ratio = Kiln time / pandas time (with Parquet, in memory)");
    Scratch.delete(dir);
  }

  private static Frame features(Frame clean) {
    return clean.withColumn("log_amount", "log1p(greatest(Amount, 0))")
        .withColumn("hour", "floor(Time / 3600) % 24").drop(List.of("Time"));
  }

  private static void row(String name, double kiln, double memory, double pandas) {
    System.out.printf("%-34s %12.0f %12.0f %10.0f %7.2fx %7.2fx%n", name, kiln, memory, pandas,
        kiln / pandas, memory / pandas);
  }

  private static String python(Path csv) throws Exception {
    String script = String.join("\n",
        "import sys, time, numpy as np, pandas as pd",
        "from sklearn.model_selection import train_test_split",
        "def best(f, n=3):",
        "    b = 1e9",
        "    for _ in range(n):",
        "        t = time.perf_counter(); r = f(); b = min(b, time.perf_counter() - t)",
        "    return b, r",
        "def validate():",
        "    df = pd.read_csv(sys.argv[1])",
        "    assert len(df) >= 1000 and df[['Time', 'Amount', 'Class', 'V1', 'V14']].notna().all().all()",
        "    assert (df['Time'] >= 0).all() and df['Class'].between(0, 1).all()",
        "    return df[df['Amount'] >= 0]",
        "t_validate, df = best(validate)",
        "t_clean, clean = best(lambda: df.dropna().drop_duplicates())",
        "def features():",
        "    f = clean.copy()",
        "    f['log_amount'] = np.log1p(f['Amount'].clip(lower=0))",
        "    f['hour'] = np.floor(f['Time'] / 3600) % 24",
        "    return f.drop(columns=['Time'])",
        "t_features, feats = best(features)",
        "t_split, _ = best(lambda: train_test_split(feats, test_size=0.2, stratify=feats['Class'],"
            + " random_state=7))",
        "print(t_validate, t_clean, t_features, t_split)");
    return PythonScript.run(script, "python3-pandas and python3-sklearn", csv.toString());
  }
}
