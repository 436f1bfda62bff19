package dev.kiln.ml.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bundles whose checksums match but whose parts disagree (edited by hand, checksums recomputed)
 * are refused when loaded, with one clear line and never XGBoost's native backtrace.
 */
class BundleConsistencyTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private Path bundle;

  @BeforeEach
  void writeBundle() {
    bundle = BundleFixture.write(BundleFixture.data(), dir.resolve("bundle"));
  }

  @Test
  void load_featureListShorterThanTheModels_isRefused() throws IOException {
    editManifest(m -> ((ArrayNode) m.get("features")).remove(m.get("features").size() - 1));
    assertThatThrownBy(() -> ModelBundle.load(bundle)).isInstanceOf(BundleException.class)
        .hasMessageContaining("Bundle '" + bundle + "' cannot be loaded from its model file"
            + " 'model.json': The XGBoost model takes 3 features, but 2 feature names are given")
        .satisfies(BundleConsistencyTest::oneCleanLine);
  }

  @Test
  void load_featureListLongerThanTheModels_isRefused() throws IOException {
    editManifest(m -> ((ArrayNode) m.get("features")).add("extra"));
    assertThatThrownBy(() -> ModelBundle.load(bundle)).isInstanceOf(BundleException.class)
        .hasMessageContaining("takes 3 features, but 4 feature names are given")
        .satisfies(BundleConsistencyTest::oneCleanLine);
  }

  @Test
  void load_malformedModelWithRecomputedChecksum_isRefusedInOneLine() throws IOException {
    replaceModel("{\"learner\": {\"attributes\": {}}, \"version\": [1, 7, 4]}");
    assertThatThrownBy(() -> ModelBundle.load(bundle)).isInstanceOf(BundleException.class)
        .hasMessageContaining("cannot be loaded from its model file 'model.json': Not a valid"
            + " XGBoost model (XGBoost: ")
        .satisfies(BundleConsistencyTest::oneCleanLine);
    replaceModel("{\"tampered\": true");
    assertThatThrownBy(() -> ModelBundle.load(bundle)).isInstanceOf(BundleException.class)
        .hasMessageContaining("Not a valid XGBoost model")
        .satisfies(BundleConsistencyTest::oneCleanLine);
  }

  @Test
  void load_treeSplittingOnAFeatureTheModelLacks_isRefused() throws IOException {
    ObjectNode model = (ObjectNode) JSON.readTree(Files.readAllBytes(bundle.resolve("model.json")));
    ArrayNode splits = (ArrayNode) model.at("/learner/gradient_booster/model/trees/0/split_indices");
    splits.set(0, 41);
    replaceModel(JSON.writeValueAsString(model));
    assertThatThrownBy(() -> ModelBundle.load(bundle)).isInstanceOf(BundleException.class)
        .hasMessageContaining("cannot be loaded")
        .satisfies(BundleConsistencyTest::oneCleanLine);
  }

  private static void oneCleanLine(Throwable e) {
    assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("[bt]")
        .doesNotContain("Stack trace").doesNotContain(".cc:");
  }

  private void editManifest(Consumer<ObjectNode> edit) throws IOException {
    Path file = bundle.resolve(ModelBundle.MANIFEST);
    ObjectNode manifest = (ObjectNode) JSON.readTree(Files.readAllBytes(file));
    edit.accept(manifest);
    Files.write(file, JSON.writeValueAsBytes(manifest));
  }

  /** Replaces the model file and records its new checksum, as a careful forger would. */
  private void replaceModel(String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    Files.write(bundle.resolve("model.json"), bytes);
    editManifest(m -> ((ObjectNode) m.get("files")).put("model.json", ModelBundle.sha256(bytes)));
  }
}
