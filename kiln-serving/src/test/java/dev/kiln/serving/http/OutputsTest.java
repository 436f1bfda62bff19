package dev.kiln.serving.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.LongColumn;
import dev.kiln.ml.Task;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The answer written straight from the columns is, byte for byte, the serialised maps. */
class OutputsTest {
  private static String viaMaps(Frame outputs, Task task) throws Exception {
    return Bodies.JSON.writeValueAsString(Map.of("predictions", Outputs.perRow(outputs, task)));
  }

  private static String direct(Frame outputs, Task task) {
    return new String(Outputs.predictionsJson(outputs, task), StandardCharsets.UTF_8);
  }

  @Test
  void binary_equalsTheSerialisedMaps() throws Exception {
    Frame out = Frame.of(new LongColumn("prediction", new long[] {0, 1, 0}, new BitSet()),
        DoubleColumn.of("probability", new double[] {1.25E-5, 0.9999, 0.5}));
    assertThat(direct(out, Task.BINARY_CLASSIFICATION))
        .isEqualTo(viaMaps(out, Task.BINARY_CLASSIFICATION))
        .startsWith("{\"predictions\":[{\"prediction\":0,\"probability\":1.25E-5}");
  }

  @Test
  void multiclassAndRegression_equalTheSerialisedMaps() throws Exception {
    Frame multi = Frame.of(DoubleColumn.of("prediction", new double[] {2, 0}),
        DoubleColumn.of("probability_0", new double[] {0.1, 0.7}),
        DoubleColumn.of("probability_1", new double[] {0.2, 0.2}),
        DoubleColumn.of("probability_2", new double[] {0.7, 0.1}));
    assertThat(direct(multi, Task.MULTICLASS_CLASSIFICATION))
        .isEqualTo(viaMaps(multi, Task.MULTICLASS_CLASSIFICATION));
    Frame regression = Frame.of(DoubleColumn.of("prediction", new double[] {3.25, -1e21, 0}));
    assertThat(direct(regression, Task.REGRESSION)).isEqualTo(viaMaps(regression, Task.REGRESSION))
        .isEqualTo("{\"predictions\":[3.25,-1.0E21,0.0]}");
  }

  @Test
  void doubles_areWrittenInTheirShortestForm() throws Exception {
    // Java 17's Double.toString gives 2.82879384806159008E17 for this double.
    Frame regression = Frame.of(DoubleColumn.of("prediction", new double[] {2.82879384806159E17}));
    assertThat(direct(regression, Task.REGRESSION)).isEqualTo(viaMaps(regression, Task.REGRESSION))
        .isEqualTo("{\"predictions\":[2.82879384806159E17]}");
  }
}
