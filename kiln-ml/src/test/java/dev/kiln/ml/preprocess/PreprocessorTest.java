package dev.kiln.ml.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.data.DataFormatException;
import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.StringColumn;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreprocessorTest {
  private static Frame train() {
    BitSet missing = new BitSet();
    missing.set(3);
    return Frame.of(new DoubleColumn("x", new double[] {1, 2, 3, 0, 10}, missing),
        StringColumn.of("fuel", "petrol", "diesel", "petrol", null, "electric"));
  }

  @Test
  void standardScaler_usesPopulationStd() {
    Frame f = Frame.of(DoubleColumn.of("x", 1, 2, 3, 4));
    Frame out = new StandardScaler(List.of("x")).fit(f).transform(f);
    double std = Math.sqrt(1.25);
    assertThat(out.column("x").toDoubleArray())
        .containsExactly(new double[] {-1.5 / std, -0.5 / std, 0.5 / std, 1.5 / std}, within(1e-12));
  }

  @Test
  void minMaxScaler_mapsTrainingRangeToUnitInterval() {
    Frame f = Frame.of(DoubleColumn.of("x", 2, 4, 6));
    FittedStep fitted = new MinMaxScaler(List.of("x")).fit(f);
    assertThat(fitted.transform(Frame.of(DoubleColumn.of("x", 2, 6, 8))).column("x")
        .toDoubleArray()).containsExactly(0, 1, 1.5);
  }

  @Test
  void imputer_strategies_fillFromTrainingOnly() {
    Frame t = train();
    assertThat(new Imputer(List.of("x"), "mean", null).fit(t).transform(t).column("x")
        .getDouble(3)).isEqualTo(4.0);
    assertThat(new Imputer(List.of("x"), "median", null).fit(t).transform(t).column("x")
        .getDouble(3)).isEqualTo(2.5);
    assertThat(new Imputer(List.of("fuel"), "most_frequent", null).fit(t).transform(t)
        .column("fuel").get(3)).isEqualTo("petrol");
    assertThat(new Imputer(List.of("x"), "constant", -1).fit(t).transform(t).column("x")
        .getDouble(3)).isEqualTo(-1.0);
  }

  @Test
  void oneHot_unknownCategory_errorNamesColumnRowAndValue() {
    FittedStep fitted = new OneHotEncoder(List.of("fuel"), "error").fit(train());
    Frame other = Frame.of(DoubleColumn.of("x", 1, 2), StringColumn.of("fuel", "diesel", "hydrogen"));
    assertThatThrownBy(() -> fitted.transform(other)).isInstanceOf(DataFormatException.class)
        .hasMessageContaining("'fuel' row 1").hasMessageContaining("'hydrogen'");
  }

  @Test
  void oneHot_ignore_givesZerosAndSortedColumns() {
    FittedStep fitted = new OneHotEncoder(List.of("fuel"), "ignore", null, null, false)
        .fit(train());
    Frame out = fitted.transform(Frame.of(DoubleColumn.of("x", 1), StringColumn.of("fuel", "lpg")));
    assertThat(out.columnNames()).containsExactly("x", "fuel=diesel", "fuel=electric",
        "fuel=petrol");
    assertThat(out.toFloatMatrix(List.of("fuel=diesel", "fuel=electric", "fuel=petrol")))
        .containsOnly(0f);
  }

  @Test
  void oneHot_sparse_denseViewHasOneAndMissing() {
    FittedStep fitted = new OneHotEncoder(List.of("fuel"), "ignore").fit(train());
    Frame out = fitted.transform(Frame.of(DoubleColumn.of("x", 1, 2),
        StringColumn.of("fuel", "lpg", "petrol")));
    assertThat(out.toFloatMatrix(List.of("fuel=diesel", "fuel=electric", "fuel=petrol")))
        .containsExactly(Float.NaN, Float.NaN, Float.NaN, Float.NaN, Float.NaN, 1f);
  }

  @Test
  void fittedPreprocessor_jsonRoundTrip_transformsIdentically() throws Exception {
    Preprocessor spec = new ObjectMapper().readValue("{\"steps\":["
        + "{\"kind\":\"imputer\",\"columns\":[\"x\"],\"strategy\":\"median\"},"
        + "{\"kind\":\"standard_scaler\",\"columns\":[\"x\"]},"
        + "{\"kind\":\"one_hot\",\"columns\":[\"fuel\"],\"handle_unknown\":\"ignore\"}]}",
        Preprocessor.class);
    FittedPreprocessor fitted = spec.fit(train());
    FittedPreprocessor restored = FittedPreprocessor.fromJson(fitted.toJson());
    Frame a = fitted.transform(train());
    Frame b = restored.transform(train());
    assertThat(b.columnNames()).isEqualTo(a.columnNames());
    assertThat(b.toFloatMatrix(b.columnNames())).isEqualTo(a.toFloatMatrix(a.columnNames()));
    assertThat(fitted.toJson()).doesNotContain("java.").contains("\"kind\"");
  }

  @Test
  void scaler_onStringColumn_throwsWithHint() {
    assertThatThrownBy(() -> new StandardScaler(List.of("fuel")).fit(train()))
        .hasMessageContaining("'fuel' holds strings");
  }
}
