package dev.kiln.ml.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.StringColumn;
import dev.kiln.data.io.FileFormat;
import dev.kiln.data.io.FrameReader;
import dev.kiln.data.io.FrameWriter;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelBundleTest {
  @TempDir Path dir;
  private Path bundle;
  private Frame data;

  @BeforeEach
  void writeBundle() {
    data = BundleFixture.data();
    bundle = BundleFixture.write(data, dir.resolve("bundle"));
  }

  @Test
  void load_verifiesAndPredictsWithSchemaAndThreshold() {
    LoadedBundle loaded = ModelBundle.load(bundle);
    assertThat(loaded.manifest().inputs()).extracting(FieldSpec::name).containsExactly("x", "kind");
    assertThat(loaded.manifest().inputs().get(1).categories()).containsExactly("a", "b");
    assertThat(loaded.referenceProfile().orElseThrow().columns())
        .extracting(dev.kiln.quality.profile.ColumnProfile::name)
        .containsExactly("x", "kind", "probability");
    Frame out = loaded.predict(data.drop(List.of("y")));
    assertThat(out.columnNames()).containsExactly("probability", "prediction");
    for (int i = 0; i < 20; i++) {
      double p = out.column("probability").getDouble(i);
      assertThat(out.column("prediction").getDouble(i)).isEqualTo(p >= 0.4 ? 1.0 : 0.0);
    }
  }

  @Test
  void write_profilesTheModelsProbabilitiesOnTheTrainingInputs() {
    LoadedBundle loaded = ModelBundle.load(bundle);
    double[] p = loaded.predict(data.drop(List.of("y"))).column("probability").toDoubleArray();
    var profile = loaded.referenceProfile().orElseThrow().columns().get(2);
    assertThat(loaded.manifest().predictionColumn()).isEqualTo("probability");
    assertThat(profile.count()).isEqualTo(p.length);
    assertThat(profile.mean()).isCloseTo(java.util.Arrays.stream(p).average().orElseThrow(),
        org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void tamperedOrTruncatedOrMissingFile_isRefusedNamingIt() throws Exception {
    byte[] model = Files.readAllBytes(bundle.resolve("model.json"));
    Files.write(bundle.resolve("model.json"), java.util.Arrays.copyOf(model, model.length - 10));
    assertThatThrownBy(() -> ModelBundle.load(bundle)).isInstanceOf(BundleException.class)
        .hasMessageContaining("'model.json'").hasMessageContaining("checksum");
    Files.delete(bundle.resolve("model.json"));
    assertThatThrownBy(() -> ModelBundle.load(bundle)).hasMessageContaining("missing file");
    assertThatThrownBy(() -> ModelBundle.load(dir)).hasMessageContaining("no bundle.json");
  }

  @Test
  void newerFormatVersion_isRefused() throws Exception {
    Path manifest = bundle.resolve("bundle.json");
    Files.writeString(manifest, Files.readString(manifest)
        .replace("\"format_version\" : 1", "\"format_version\" : 99"));
    assertThatThrownBy(() -> ModelBundle.load(bundle)).hasMessageContaining("format version 99");
  }

  @Test
  void newerFormatVersion_isRefusedWithTheMessageTheDocsQuote() throws Exception {
    Path manifest = bundle.resolve("bundle.json");
    int next = BundleManifest.FORMAT_VERSION + 1;
    Files.writeString(manifest, Files.readString(manifest)
        .replace("\"format_version\" : 1", "\"format_version\" : " + next));
    Throwable e = org.assertj.core.api.Assertions.catchThrowable(() -> ModelBundle.load(bundle));
    String quoted = e.getMessage().replace(bundle.toString(), "...");
    assertThat(Files.readString(Path.of("../docs/bundles.md"))).as("docs/bundles.md quotes it")
        .contains("`" + quoted + "`");
  }

  @Test
  void zip_roundTrips_andTraversalEntriesAreRefused() throws Exception {
    Path zip = dir.resolve("b.zip");
    ModelBundle.zip(bundle, zip);
    assertThat(ModelBundle.load(zip).manifest().name()).isEqualTo("demo");
    Path evil = dir.resolve("evil.zip");
    try (OutputStream out = Files.newOutputStream(evil); ZipOutputStream z = new ZipOutputStream(out)) {
      z.putNextEntry(new ZipEntry("../../etc/passwd"));
      z.write(1);
      z.closeEntry();
    }
    assertThatThrownBy(() -> ModelBundle.load(evil)).hasMessageContaining("not a plain file name");
  }

  @Test
  void predict_missingOrWrongInput_namesTheColumn() {
    LoadedBundle loaded = ModelBundle.load(bundle);
    assertThatThrownBy(() -> loaded.predict(data.drop(List.of("kind"))))
        .hasMessageContaining("no column 'kind'");
    assertThatThrownBy(() -> loaded.predict(Frame.of(StringColumn.of("x", "1"),
        StringColumn.of("kind", "a")))).hasMessageContaining("'x' is STRING");
    assertThatThrownBy(() -> loaded.predict(Frame.of(DoubleColumn.of("x", 1),
        StringColumn.of("kind", "c")))).hasMessageContaining("category 'c'");
  }

  @Test
  void batchScoring_inChunks_equalsWholeFramePrediction() {
    Path input = dir.resolve("in.parquet");
    FrameWriter.write(data.drop(List.of("y")), input, FileFormat.PARQUET);
    Path output = dir.resolve("out.csv");
    long[] progress = new long[1];
    long rows = BatchScoring.score(ModelBundle.load(bundle), input, output, 64,
        n -> progress[0] = n);
    assertThat(rows).isEqualTo(500);
    assertThat(progress[0]).isEqualTo(500);
    Frame scored = FrameReader.csv(output, dev.kiln.data.io.CsvOptions.defaults());
    Frame whole = ModelBundle.load(bundle).predict(data.drop(List.of("y")));
    assertThat(scored.columnNames()).containsExactly("x", "kind", "probability", "prediction");
    for (int i = 0; i < 500; i += 37) {
      assertThat(scored.column("probability").getDouble(i))
          .isCloseTo(whole.column("probability").getDouble(i),
              org.assertj.core.api.Assertions.within(1e-6)); // Java trees vs XGBoost: float precision
    }
  }

  @Test
  void batchScoring_keepingSomeColumns_writesThemBeforeThePredictions() {
    Path input = dir.resolve("in.parquet");
    FrameWriter.write(data.drop(List.of("y")), input, FileFormat.PARQUET);
    Path output = dir.resolve("kept.parquet");
    LoadedBundle loaded = ModelBundle.load(bundle);
    BatchScoring.score(loaded::predict, new BatchScoring.Job(input, output, 64,
        List.of("kind")), n -> { });
    Frame scored = FrameReader.parquet(output);
    assertThat(scored.columnNames()).containsExactly("kind", "probability", "prediction");
    assertThat(scored.rowCount()).isEqualTo(500);
    Frame whole = loaded.predict(data.drop(List.of("y")));
    for (int i = 0; i < 500; i += 37) {
      assertThat(scored.column("kind").get(i)).isEqualTo(data.column("kind").get(i));
      assertThat(scored.column("probability").getDouble(i))
          .isEqualTo(whole.column("probability").getDouble(i));
    }
    BatchScoring.score(loaded::predict, new BatchScoring.Job(input, output, 64, List.of()),
        n -> { });
    assertThat(FrameReader.parquet(output).columnNames())
        .containsExactly("probability", "prediction");
  }

  @Test
  void batchScoring_keepingAnUnknownColumn_namesItAndWritesNothing() {
    Path input = dir.resolve("in.parquet");
    FrameWriter.write(data.drop(List.of("y")), input, FileFormat.PARQUET);
    Path output = dir.resolve("never.parquet");
    assertThatThrownBy(() -> BatchScoring.score(ModelBundle.load(bundle)::predict,
        new BatchScoring.Job(input, output, 64, List.of("kinds")), n -> { }))
        .hasMessageContaining("has no column 'kinds' to keep")
        .satisfies(e -> assertThat(((dev.kiln.core.KilnException) e).hint().orElseThrow())
            .startsWith("did you mean 'kind'?"));
    assertThat(Files.exists(output)).isFalse();
  }
}
