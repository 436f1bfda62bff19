package dev.kiln.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Modular pipelines with Kedro's pipeline(pipe, inputs, outputs, parameters, namespace). */
class NamespaceTest {
  static final DatasetRef<String> FEATURES = DatasetRef.of("features", String.class);
  static final DatasetRef<String> CLEAN = DatasetRef.of("clean", String.class);
  static final DatasetRef<String> MODEL = DatasetRef.of("model", String.class);
  static final DatasetRef<Integer> DEPTH = DatasetRef.param("model.depth", Integer.class);

  static final Pipeline TRAINING = Pipeline.of(
      Node.of("clean", FEATURES, CLEAN, String::trim),
      Node.of("train", CLEAN, DEPTH, MODEL, (c, d) -> c + ":" + d));

  @Test
  void reuse_prefixesNodesInternalDatasetsAndParams() {
    Pipeline eu = TRAINING.reuse(Reuse.namespace("eu"));
    assertThat(eu.nodeNames()).containsExactly("eu.clean", "eu.train");
    assertThat(eu.datasets()).containsExactlyInAnyOrder("eu.features", "eu.clean", "eu.model",
        "params:eu.model.depth");
    assertThat(eu.namespaces()).containsExactly("eu");
  }

  @Test
  void reuse_mappedNamesAreNotPrefixed() {
    Pipeline eu = TRAINING.reuse(Reuse.namespace("eu")
        .withInputs(Map.of("features", "eu_features"))
        .withOutputs(Map.of("model", "eu_model"))
        .withParameters(Map.of("model.depth", "params:eu_depth")));
    assertThat(eu.inputs()).containsExactlyInAnyOrder("eu_features", "params:eu_depth");
    assertThat(eu.outputs()).containsExactly("eu_model");
    assertThat(eu.datasets()).contains("eu.clean");
  }

  @Test
  void reuse_twiceUnderTwoNamespaces_combinesWithoutClashes() {
    Pipeline both = TRAINING.reuse(Reuse.namespace("eu").withInputs(Map.of("features", "raw")))
        .plus(TRAINING.reuse(Reuse.namespace("us").withInputs(Map.of("features", "raw"))));
    assertThat(both.nodeNames()).hasSize(4);
    assertThat(both.inputs()).containsExactlyInAnyOrder("raw", "params:eu.model.depth",
        "params:us.model.depth");
    assertThat(both.onlyNamespace("us").nodeNames()).containsExactly("us.clean", "us.train");
  }

  @Test
  void reuse_nested_prefixesNamespaces() {
    Pipeline nested = TRAINING.reuse(Reuse.namespace("inner")).reuse(Reuse.namespace("outer"));
    assertThat(nested.nodeNames()).containsExactly("outer.inner.clean", "outer.inner.train");
    assertThat(nested.namespaces()).containsExactly("outer.inner");
    assertThat(nested.onlyNamespace("outer").nodeNames()).hasSize(2);
  }

  @Test
  void reuse_badMappings_throwNamingThem() {
    assertThatThrownBy(() -> TRAINING.reuse(Reuse.namespace("x")
        .withInputs(Map.of("clean", "y")))).hasMessageContaining("not free inputs")
        .hasMessageContaining("'clean'");
    assertThatThrownBy(() -> TRAINING.reuse(Reuse.namespace("x")
        .withOutputs(Map.of("nothing", "y")))).hasMessageContaining("no node of the pipeline");
    assertThatThrownBy(() -> TRAINING.reuse(Reuse.namespace("x")
        .withParameters(Map.of("alpha", "beta")))).hasMessageContaining("'params:alpha'");
  }

  @Test
  void onlyNamespace_unknown_listsKnown() {
    assertThatThrownBy(() -> TRAINING.reuse(Reuse.namespace("eu")).onlyNamespace("us"))
        .hasMessageContaining("no nodes in namespace 'us'");
  }

  @Test
  void reusedNode_functionStillSeesDeclaredRefs() throws Exception {
    Node train = TRAINING.reuse(Reuse.namespace("eu")).nodes().get(1);
    assertThat(train.inputBindings().get(0).declared().name()).isEqualTo("clean");
    assertThat(train.inputs().get(0).name()).isEqualTo("eu.clean");
    List<Node.Binding> outs = train.outputBindings();
    assertThat(outs.get(0).dataset()).isEqualTo("eu.model");
  }
}
