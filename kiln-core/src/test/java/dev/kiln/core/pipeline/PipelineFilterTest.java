package dev.kiln.core.pipeline;

import static dev.kiln.core.pipeline.PipelineValidationTest.pass;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.KilnException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Filters as Kedro documents them: each returns a new pipeline. */
class PipelineFilterTest {
  //  raw -> a -> x -> b -> y -> d -> out
  //              x -> c -> z
  private static final Pipeline P = Pipeline.of(
      Node.builder("a").inputs(PipelineValidationTest.s("raw"))
          .outputs(PipelineValidationTest.s("x")).tags("prep").run(in -> Outputs.none()),
      pass("b", "x", "y"), pass("c", "x", "z"), pass("d", "y", "out"));

  @Test
  void onlyNodesWithTags_keepsTaggedNodes() {
    assertThat(P.onlyNodesWithTags(List.of("prep", "other")).nodeNames()).containsExactly("a");
  }

  @Test
  void fromNodes_keepsNodesAndDownstream() {
    assertThat(P.fromNodes(List.of("b")).nodeNames()).containsExactly("b", "d");
    assertThat(P.fromNodes(List.of("a")).nodeNames()).hasSize(4);
  }

  @Test
  void toNodes_keepsNodesAndUpstream() {
    assertThat(P.toNodes(List.of("b")).nodeNames()).containsExactly("a", "b");
  }

  @Test
  void fromInputs_andToOutputs_followDatasets() {
    assertThat(P.fromInputs(List.of("y")).nodeNames()).containsExactly("d");
    assertThat(P.toOutputs(List.of("z")).nodeNames()).containsExactly("a", "c");
  }

  @Test
  void onlyNodes_unknownName_suggestsClosest() {
    assertThatThrownBy(() -> P.onlyNodes(List.of("dd", "zzzzzz")))
        .hasMessageContaining("Pipeline does not contain nodes named ['dd', 'zzzzzz']")
        .satisfies(e -> assertThat(((KilnException) e).describe())
            .contains("'dd' -> did you mean 'd'?"));
  }

  @Test
  void filters_doNotMutateTheOriginal() {
    P.onlyNodes(List.of("a"));
    assertThat(P.nodeNames()).hasSize(4);
  }

  @Test
  void plus_unionsAndRejectsClashingNames() {
    Pipeline other = Pipeline.of(pass("e", "out", "final"));
    assertThat(P.plus(other).nodeNames()).endsWith("e");
    assertThatThrownBy(() -> P.plus(Pipeline.of(pass("a", "q", "r"))))
        .hasMessageContaining("node named 'a'");
  }
}
