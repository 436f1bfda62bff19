package dev.kiln.ml.xgboost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.KilnException;
import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import dev.kiln.ml.FeatureMatrix;
import dev.kiln.ml.OneHotBlock;
import dev.kiln.ml.Task;
import dev.kiln.ml.TrainingData;
import dev.kiln.ml.linear.LinearEstimator;
import dev.kiln.ml.preprocess.EncodedFrame;
import dev.kiln.ml.preprocess.FittedPreprocessor;
import dev.kiln.ml.preprocess.OneHotEncoder;
import dev.kiln.ml.preprocess.Preprocessor;
import dev.kiln.ml.preprocess.StandardScaler;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The sparse one-hot path: codes, layout, CSR training and code-reading prediction. */
class SparseOneHotTest {
  private static final Map<String, Object> PARAMS = Map.of("max_depth", 4, "eta", 0.3,
      "seed", 1, "base_score", 0.5);

  private static FittedPreprocessor fitted(Frame train) {
    return new Preprocessor(List.of(
        new OneHotEncoder(List.of("city"), "infrequent_if_exist", null, 60.0),
        new OneHotEncoder(List.of("make"), "ignore")))
        .fit(train.drop(List.of("y")));
  }

  private static TrainingData data(FittedPreprocessor fitted, Frame rows) {
    return TrainingData.of(fitted.encode(rows.drop(List.of("y"))).withColumn(rows.column("y")),
        "y");
  }

  @Test
  void encode_keepsOneCodePerRow_andLaysOutBlocksInPlace() {
    Frame train = SparseOneHotOracleTest.rows(2000, new Random(1), false).drop(List.of("only"));
    FittedPreprocessor fitted = fitted(train);
    EncodedFrame encoded = fitted.encode(train.drop(List.of("y")));
    assertThat(encoded.oneHot()).containsOnlyKeys("city", "make");
    TrainingData data = TrainingData.of(encoded.withColumn(train.column("y")), "y");
    assertThat(data.featureNames()).isEqualTo(fitted.transform(train.drop(List.of("y")))
        .columnNames());
    OneHotBlock city = data.oneHot().get(0);
    assertThat(city.start()).isZero();
    assertThat(data.oneHot().get(1).start()).isEqualTo(city.width());
    // only a and b are dense
    assertThat(data.features()).hasSize(2000 * (data.featureNames().size()
        - city.width() - data.oneHot().get(1).width()));
    float[] dense = data.matrix().toDense();
    float[] reference = fitted.transform(train.drop(List.of("y")))
        .toFloatMatrix(data.featureNames());
    assertThat(dense).isEqualTo(reference);
  }

  @Test
  void csrTraining_treatsOtherCategoriesAsMissing_likeADenseNanMatrix() {
    Frame train = SparseOneHotOracleTest.rows(3000, new Random(2), false).drop(List.of("only"));
    FittedPreprocessor fitted = fitted(train);
    TrainingData sparse = data(fitted, train);
    TrainingData denseNan = new TrainingData(sparse.matrix().toDense(), sparse.rows(),
        sparse.featureNames(), sparse.labels(), null);
    TrainingData denseZero = TrainingData.of(new Preprocessor(List.of(
        new OneHotEncoder(List.of("city"), "infrequent_if_exist", null, 60.0, false),
        new OneHotEncoder(List.of("make"), "ignore", null, null, false)))
        .fit(train.drop(List.of("y"))).encode(train.drop(List.of("y")))
        .withColumn(train.column("y")), "y");
    assertThat(denseZero.oneHot()).isEmpty();
    XGBoostEstimator estimator = new XGBoostEstimator(Task.BINARY_CLASSIFICATION, PARAMS, 10, 0);
    FeatureMatrix x = sparse.matrix();
    double[] fromCsr = estimator.fit(sparse, null).predict(x);
    assertThat(estimator.fit(denseNan, null).predict(x)).isEqualTo(fromCsr);
    assertThat(estimator.fit(denseZero, null).predict(x)).isNotEqualTo(fromCsr);
  }

  @Test
  void codeReadingPrediction_equalsNativeDensePrediction_bitForBit() {
    Frame train = SparseOneHotOracleTest.rows(3000, new Random(3), false).drop(List.of("only"));
    Frame test = SparseOneHotOracleTest.rows(500, new Random(4), true).drop(List.of("only"));
    FittedPreprocessor fitted = fitted(train);
    for (Task task : List.of(Task.BINARY_CLASSIFICATION, Task.REGRESSION)) {
      XGBoostModel model = (XGBoostModel) new XGBoostEstimator(task, PARAMS, 15, 0)
          .fit(data(fitted, train), null);
      FeatureMatrix x = FeatureMatrix.of(fitted.encode(test.drop(List.of("y"))),
          model.featureNames());
      double[] sparse = model.predict(x);
      assertThat(model.predict(x.toDense(), x.rows())).as("native, %s", task).isEqualTo(sparse);
      assertThat(model.predict(x.rows(7, 8).toDense(), 1)).as("java, one row")
          .containsExactly(sparse[7]);
      float[] zeros = x.toDense();
      for (int i = 0; i < zeros.length; i++) {
        zeros[i] = Float.isNaN(zeros[i]) && i % x.featureNames().size() < 40 ? 0 : zeros[i];
      }
      assertThat(model.predict(zeros, x.rows())).as("other categories scored as 0")
          .isNotEqualTo(sparse);
    }
  }

  @Test
  void laterStepReadingOneHotColumns_fallsBackToDenseColumns() {
    Frame train = Frame.of(dev.kiln.data.StringColumn.of("c", "a", "b", "a", "c"),
        DoubleColumn.of("x", 1, 2, 3, 4));
    FittedPreprocessor fitted = new Preprocessor(List.of(
        new OneHotEncoder(List.of("c"), "ignore"),
        new StandardScaler(List.of("c=a")))).fit(train);
    EncodedFrame encoded = fitted.encode(train);
    assertThat(encoded.oneHot()).isEmpty();
    assertThat(encoded.frame().columnNames()).isEqualTo(fitted.transform(train).columnNames());
  }

  @Test
  void encoderWrittenBeforeSparse_keepsExplicitZeros() {
    FittedPreprocessor old = FittedPreprocessor.fromJson("{\"steps\":[{\"kind\":\"one_hot\","
        + "\"categories\":{\"c\":[\"a\",\"b\"]},\"ignoreUnknown\":true,"
        + "\"unknownAsInfrequent\":false}]}");
    Frame rows = Frame.of(dev.kiln.data.StringColumn.of("c", "a", "z"));
    EncodedFrame encoded = old.encode(rows);
    assertThat(encoded.oneHot()).isEmpty();
    assertThat(encoded.frame().toFloatMatrix(List.of("c=a", "c=b")))
        .containsExactly(1f, 0f, 0f, 0f);
  }

  @Test
  void linearBaseline_onSparseOneHot_throwsWithHint() {
    Frame train = SparseOneHotOracleTest.rows(200, new Random(5), false)
        .drop(List.of("only", "a"));
    TrainingData data = data(fitted(train), train);
    assertThatThrownBy(() -> new LinearEstimator(Task.REGRESSION, 1.0, 50).fit(data, null))
        .isInstanceOf(KilnException.class).hasMessageContaining("sparse one-hot")
        .satisfies(e -> assertThat(((KilnException) e).describe()).contains("sparse: false"));
  }

  @Test
  void take_keepsCodesWithTheirRows() {
    Frame train = SparseOneHotOracleTest.rows(100, new Random(6), false).drop(List.of("only"));
    TrainingData data = data(fitted(train), train);
    TrainingData taken = data.take(new int[] {5, 2});
    float[] all = data.matrix().toDense();
    int w = data.featureNames().size();
    float[] expected = new float[2 * w];
    System.arraycopy(all, 5 * w, expected, 0, w);
    System.arraycopy(all, 2 * w, expected, w, w);
    assertThat(taken.matrix().toDense()).isEqualTo(expected);
    assertThat(taken.labels()).containsExactly(data.labels()[5], data.labels()[2]);
  }
}
