package dev.kiln.core.viz;

import static dev.kiln.core.pipeline.TestNodes.join;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.core.pipeline.Pipeline;
import dev.kiln.core.pipeline.Reuse;
import org.junit.jupiter.api.Test;

class GraphRendererTest {
  private final GraphRenderer renderer = new GraphRenderer(
      Pipeline.of(join("a", "raw", "x"), join("b", "x", "y")).reuse(Reuse.namespace("ns")),
      d -> d.endsWith("raw"));

  @Test
  void mermaid_pipeline_declaresShapesAndEdges() {
    assertThat(renderer.mermaid()).startsWith("flowchart LR\n")
        .contains("d0[(\"ns.raw\")]").contains("d1([\"ns.x\"])")
        .contains("n3[\"ns.a\"]").contains("d0 --> n3").contains("n3 --> d1");
  }

  @Test
  void dot_pipeline_quotesNamesAndMarksPersisted() {
    assertThat(renderer.dot()).startsWith("digraph pipeline {")
        .contains("\"ns.raw\" [shape=cylinder];").contains("\"ns.x\" [shape=ellipse];")
        .contains("\"node:ns.a\" -> \"ns.x\";").contains("\"ns.x\" -> \"node:ns.b\";")
        .endsWith("}\n");
  }

  @Test
  void json_namespacedPipeline_includesNamespace() {
    assertThat(renderer.json()).contains("\"namespace\" : \"ns\"")
        .contains("\"from\" : \"ns.raw\",\n    \"to\" : \"ns.a\"");
  }
}
