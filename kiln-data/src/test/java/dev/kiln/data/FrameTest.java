package dev.kiln.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameTest {
  private static Frame cars() {
    BitSet missing = new BitSet();
    missing.set(1);
    return Frame.of(new DoubleColumn("price", new double[] {9500, 0, 21000, 4300}, missing),
        LongColumn.of("year", 2015, 2018, 2021, 2009),
        StringColumn.of("fuel", "petrol", "diesel", null, "petrol"),
        BooleanColumn.of("automatic", true, false, true, false));
  }

  @Test
  void selectDropRename_returnNewFramesAndKeepOriginal() {
    Frame f = cars();
    assertThat(f.select(List.of("fuel", "year")).columnNames()).containsExactly("fuel", "year");
    assertThat(f.drop(List.of("fuel")).columnNames()).containsExactly("price", "year",
        "automatic");
    assertThat(f.rename("year", "model_year").columnNames()).contains("model_year");
    assertThat(f.columnNames()).containsExactly("price", "year", "fuel", "automatic");
  }

  @Test
  void filterTakeHead_keepNullMasks() {
    Frame f = cars();
    Frame recent = f.filter(i -> f.column("year").getDouble(i) >= 2018);
    assertThat(recent.rowCount()).isEqualTo(2);
    assertThat(recent.column("price").isNull(0)).isTrue();
    assertThat(recent.column("fuel").isNull(1)).isTrue();
    assertThat(f.take(new int[] {3, 3}).column("year").get(1)).isEqualTo(2009L);
    assertThat(f.head(2).rowCount()).isEqualTo(2);
  }

  @Test
  void concat_appendsRowsAndNulls() {
    Frame both = cars().concat(cars());
    assertThat(both.rowCount()).isEqualTo(8);
    assertThat(both.column("price").nullCount()).isEqualTo(2);
    assertThat(both.column("price").isNull(5)).isTrue();
  }

  @Test
  void concat_differentSchemas_throws() {
    assertThatThrownBy(() -> cars().concat(cars().drop(List.of("fuel"))))
        .isInstanceOf(DataFormatException.class).hasMessageContaining("different schemas");
  }

  @Test
  void sample_isSeededAndWithoutReplacement() {
    Frame f = cars();
    Frame a = f.sample(3, 5);
    assertThat(a.column("year").toDoubleArray()).isEqualTo(f.sample(3, 5).column("year")
        .toDoubleArray()).doesNotHaveDuplicates();
  }

  @Test
  void toFloatMatrix_isRowMajorWithNaNForMissing() {
    float[] m = cars().toFloatMatrix(List.of("price", "automatic"));
    assertThat(m).hasSize(8);
    assertThat(m[0]).isEqualTo(9500f);
    assertThat(m[1]).isEqualTo(1f);
    assertThat(m[2]).isNaN();
  }

  @Test
  void describe_countsNullsAndMoments() {
    Frame d = cars().describe();
    assertThat(d.column("column").get(0)).isEqualTo("price");
    assertThat(d.column("nulls").get(0)).isEqualTo(1L);
    assertThat(d.column("mean").getDouble(0)).isEqualTo((9500 + 21000 + 4300) / 3.0);
    assertThat(d.column("distinct").get(2)).isEqualTo(2L);
    assertThat(cars().toString()).contains("[4 rows x 4 columns]").contains("diesel");
  }

  @Test
  void unknownColumn_suggestsClosest() {
    assertThatThrownBy(() -> cars().column("prise")).isInstanceOf(DataFormatException.class)
        .satisfies(e -> assertThat(((DataFormatException) e).describe())
            .contains("did you mean 'price'"));
  }

  @Test
  void of_unequalLengths_throws() {
    assertThatThrownBy(() -> Frame.of(DoubleColumn.of("a", 1, 2), DoubleColumn.of("b", 1)))
        .hasMessageContaining("'b' has 1 rows");
  }
}
