package dev.kiln.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class FloatMatrixTest {
  @Test
  void toFloatMatrix_isRowMajorWithNaNForMissing_acrossBlocks() {
    int n = 5000;
    double[] d = new double[n];
    long[] l = new long[n];
    boolean[] b = new boolean[n];
    BitSet missing = new BitSet();
    for (int i = 0; i < n; i++) {
      d[i] = i * 0.5;
      l[i] = -i;
      b[i] = i % 3 == 0;
      if (i % 1000 == 7) {
        missing.set(i);
      }
    }
    Frame f = Frame.of(new DoubleColumn("d", d, missing), LongColumn.of("l", l),
        new BooleanColumn("b", b, missing), TimestampColumn.of("t", l));
    float[] m = f.toFloatMatrix(List.of("b", "d", "l", "t"));
    assertThat(m).hasSize(4 * n);
    for (int i = 0; i < n; i++) {
      boolean gone = missing.get(i);
      assertThat(Float.valueOf(m[4 * i])).isEqualTo(Float.valueOf(gone ? Float.NaN : (b[i] ? 1f : 0f)));
      assertThat(Float.valueOf(m[4 * i + 1])).isEqualTo(Float.valueOf(gone ? Float.NaN : (float) d[i]));
      assertThat(m[4 * i + 2]).isEqualTo((float) -i);
      assertThat(m[4 * i + 3]).isEqualTo((float) -i);
    }
  }

  @Test
  void toFloatMatrix_stringColumn_isRefused() {
    Frame f = Frame.of(StringColumn.of("fuel", "diesel"));
    assertThatThrownBy(() -> f.toFloatMatrix(List.of("fuel")))
        .hasMessageContaining("'fuel' holds strings");
  }
}
