package dev.kiln.ml.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.core.KilnException;
import dev.kiln.data.Frame;
import dev.kiln.data.StringColumn;
import dev.kiln.ml.PythonOracle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Checks the infrequent-category grouping against scikit-learn 1.2's {@code OneHotEncoder}
 * (Debian's python3-sklearn): same output columns, same 0/1 values, unknown categories included.
 */
class OneHotOracleTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SCRIPT = String.join("\n",
      "import sys, json",
      "import numpy as np",
      "from sklearn.preprocessing import OneHotEncoder",
      "d = json.load(sys.stdin)",
      "train = np.array(d['train'], dtype=object).reshape(-1, 1)",
      "test = np.array(d['test'], dtype=object).reshape(-1, 1)",
      "out = []",
      "for mc, mf in d['configs']:",
      "    if mf is not None and mf >= 1: mf = int(mf)",
      "    e = OneHotEncoder(max_categories=mc, min_frequency=mf, sparse_output=False,",
      "                      handle_unknown='infrequent_if_exist').fit(train)",
      "    out.append({'names': list(e.get_feature_names_out(['c'])),",
      "                'values': e.transform(test).tolist()})",
      "print(json.dumps(out))");

  @Test
  void infrequentGrouping_matchesSklearn() throws Exception {
    Random random = new Random(7);
    List<String> train = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      // Skewed counts, with ties among the rarer categories.
      train.add("k" + (int) Math.floor(Math.pow(random.nextDouble(), 2.5) * 14));
    }
    train.addAll(List.of("tieA", "tieA", "tieB", "tieB", "tieC", "tieC"));
    List<String> test = new ArrayList<>(train.subList(0, 60));
    test.addAll(List.of("tieC", "unseen", "k0"));
    Object[][] configs = {{null, 5.0}, {null, 0.03}, {4, null}, {3, 3.0}, {10, 0.02}, {2, null},
        {30, null}, {null, null}};
    JsonNode expected = JSON.readTree(PythonOracle.run(SCRIPT, JSON.writeValueAsString(
        Map.of("train", train, "test", test, "configs", configs))));
    Frame trainFrame = Frame.of(StringColumn.of("c", train.toArray(String[]::new)));
    Frame testFrame = Frame.of(StringColumn.of("c", test.toArray(String[]::new)));
    for (int k = 0; k < configs.length; k++) {
      FittedStep fitted = new OneHotEncoder(List.of("c"), "infrequent_if_exist",
          (Integer) configs[k][0], (Double) configs[k][1], false).fit(trainFrame);
      Frame out = FittedPreprocessor.fromJson(new FittedPreprocessor(List.of(fitted)).toJson())
          .transform(testFrame);
      List<String> names = new ArrayList<>();
      expected.get(k).get("names").forEach(n -> names.add(n.asText()
          .replace("c_infrequent_sklearn", "c=" + FittedOneHot.INFREQUENT).replace("c_", "c=")));
      assertThat(out.columnNames()).as("config %d", k).isEqualTo(names);
      JsonNode values = expected.get(k).get("values");
      for (int row = 0; row < test.size(); row++) {
        for (int col = 0; col < names.size(); col++) {
          assertThat(out.column(names.get(col)).getDouble(row)).as("config %d row %d col %s", k,
              row, names.get(col)).isEqualTo(values.get(row).get(col).asDouble());
        }
      }
    }
  }

  @Test
  void unknownWithoutInfrequentColumn_givesZeros() {
    Frame train = Frame.of(StringColumn.of("c", "a", "b", "a"));
    Frame out = new OneHotEncoder(List.of("c"), "infrequent_if_exist", null, null, false)
        .fit(train)
        .transform(Frame.of(StringColumn.of("c", "z")));
    assertThat(out.columnNames()).containsExactly("c=a", "c=b");
    assertThat(out.column("c=a").getDouble(0) + out.column("c=b").getDouble(0)).isZero();
  }

  @Test
  void maxCategoriesBelowTwo_throwsWithHint() {
    assertThatThrownBy(() -> new OneHotEncoder(List.of("c"), "ignore", 1, null))
        .isInstanceOf(KilnException.class).hasMessageContaining("max_categories must be at least 2");
  }
}
