package dev.kiln.ml.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.data.BooleanColumn;
import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.LongColumn;
import dev.kiln.data.TimestampColumn;
import dev.kiln.data.expr.DerivedColumn;
import dev.kiln.ml.Model;
import dev.kiln.ml.Task;
import dev.kiln.ml.TrainingData;
import dev.kiln.ml.preprocess.FeatureTransforms;
import dev.kiln.ml.preprocess.FittedAffine;
import dev.kiln.ml.preprocess.FittedImputer;
import dev.kiln.ml.preprocess.FittedOneHot;
import dev.kiln.ml.preprocess.FittedPreprocessor;
import dev.kiln.ml.xgboost.XGBoostEstimator;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-row feature path gives, bit for bit, the matrix of the frame path. */
class RowFeaturesTest {
  @TempDir Path dir;

  private static Frame data(int n, long seed) {
    Random r = new Random(seed);
    long[] time = new long[n];
    double[] amount = new double[n];
    BitSet amountNulls = new BitSet(n);
    boolean[] flag = new boolean[n];
    long[] when = new long[n];
    BitSet whenNulls = new BitSet(n);
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      time[i] = r.nextInt(172_800);
      amount[i] = Math.exp(r.nextGaussian() + 3);
      if (r.nextInt(10) == 0) {
        amountNulls.set(i);
        amount[i] = Double.NaN;
      }
      flag[i] = r.nextBoolean();
      when[i] = 1_700_000_000_000_000L + r.nextInt(400) * 86_400_000_000L;
      if (r.nextInt(8) == 0) {
        whenNulls.set(i);
      }
      y[i] = (flag[i] ? 1 : 0) + (time[i] % 86_400 < 21_600 ? 1 : -1) + r.nextGaussian() > 0.5
          ? 1 : 0;
    }
    return Frame.of(new LongColumn("Time", time, new BitSet(n)),
        new DoubleColumn("Amount", amount, amountNulls),
        new BooleanColumn("flag", flag, new BitSet(n)),
        new TimestampColumn("seen_at", when, whenNulls), DoubleColumn.of("Class", y));
  }

  private LoadedBundle bundle(Frame data, FittedPreprocessor prep) {
    Model model = new XGBoostEstimator(Task.BINARY_CLASSIFICATION, Map.of("max_depth", 3), 10, 0)
        .fit(TrainingData.of(prep.transform(data), "Class"), null);
    Path path = dir.resolve("b" + prep.steps().size());
    ModelBundle.write(BundleSpec.builder("t", "1").model(model, prep)
        .trainedOn(data, "Class").threshold(0.5).build(), path);
    return ModelBundle.load(path);
  }

  @Test
  void derivedFeaturesOfEveryType_equalTheFramePath() {
    Frame data = data(400, 3);
    FeatureTransforms features = new FeatureTransforms(List.of(
        DerivedColumn.of("log_amount", "log1p(Amount)"),
        DerivedColumn.of("hour", "floor(Time / 3600) % 24"),
        DerivedColumn.of("flag_amount", "case when flag then Amount else -Amount end"),
        DerivedColumn.of("month", "month(seen_at)"),
        DerivedColumn.of("weekend", "dayofweek(seen_at) >= 5")), List.of("Time", "seen_at"));
    LoadedBundle bundle = bundle(data, new FittedPreprocessor(List.of(features)));
    RowFeatures rows = RowFeatures.compile(bundle);
    assertThat(rows).isNotNull();

    Frame scoring = data(120, 4).select(bundle.manifest().inputs().stream()
        .map(FieldSpec::name).toList());
    float[] expected = bundle.features(scoring);
    float[] actual = rows.features(scoring);
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.length; i++) {
      assertThat(Float.floatToIntBits(actual[i])).as("value %d", i)
          .isEqualTo(Float.floatToIntBits(expected[i]));
    }
  }

  @Test
  void numericImputersAndScalersAfterTransforms_equalTheFramePath() {
    Frame data = data(400, 7);
    FeatureTransforms features = new FeatureTransforms(List.of(
        DerivedColumn.of("log_amount", "log1p(Amount)"),
        DerivedColumn.of("hour", "floor(Time / 3600) % 24")), List.of("seen_at"));
    FittedPreprocessor prep = new FittedPreprocessor(List.of(features,
        new FittedImputer(Map.of("Amount", 17.5, "log_amount", 2)),
        new FittedAffine(List.of("Amount", "log_amount", "hour", "Time"),
            new double[] {46.48, 3.09, 11.5, 86_000}, new double[] {96.7, 1.19, 6.92, 50_000})));
    LoadedBundle bundle = bundle(data, prep);
    RowFeatures rows = RowFeatures.compile(bundle);
    assertThat(rows).isNotNull();

    Frame scoring = data(150, 8).select(bundle.manifest().inputs().stream()
        .map(FieldSpec::name).toList());
    float[] expected = bundle.features(scoring);
    float[] actual = rows.features(scoring);
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.length; i++) {
      assertThat(Float.floatToIntBits(actual[i])).as("value %d", i)
          .isEqualTo(Float.floatToIntBits(expected[i]));
    }
  }

  @Test
  void aFractionInAWholeNumberField_isLeftToTheFramePath() {
    Frame data = data(200, 5);
    FeatureTransforms features = new FeatureTransforms(List.of(
        DerivedColumn.of("hour", "floor(Time / 3600) % 24")), List.of("Time"));
    LoadedBundle bundle = bundle(data, new FittedPreprocessor(List.of(features)));
    Frame fractional = Frame.of(DoubleColumn.of("Time", new double[] {3600.5}),
        DoubleColumn.of("Amount", new double[] {2}),
        new BooleanColumn("flag", new boolean[] {true}, new BitSet(1)),
        new TimestampColumn("seen_at", new long[] {0}, new BitSet(1)));
    assertThat(RowFeatures.compile(bundle).features(fractional)).isNull();
    assertThat(bundle.features(fractional)).isNotEmpty();
  }

  @Test
  void otherPreprocessingSteps_areNotCompiled() {
    Frame data = data(200, 6);
    FittedPreprocessor prep = new FittedPreprocessor(List.of(
        new FittedOneHot(Map.of(), true, Map.of(), false, true)));
    assertThat(prep.steps()).hasSize(1);
    LoadedBundle bundle = bundle(data.select(List.of("Time", "Amount", "Class")), prep);
    assertThat(RowFeatures.compile(bundle)).isNull();
  }
}
