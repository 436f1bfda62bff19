package dev.kiln.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.KilnException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PipelineValidationTest {
  static DatasetRef<String> s(String name) {
    return DatasetRef.of(name, String.class);
  }

  static Node pass(String name, String in, String out) {
    return Node.of(name, s(in), s(out), x -> x);
  }

  private static String describe(Throwable e) {
    return ((KilnException) e).describe();
  }

  @Test
  void build_cycle_printsTheCycle() {
    assertThatThrownBy(() -> Pipeline.of(pass("a", "y", "x"), pass("b", "x", "y")))
        .isInstanceOf(PipelineException.class)
        .hasMessageContaining("cycle")
        .hasMessageContaining("'a' -[x]-> 'b' -[y]-> 'a'");
  }

  @Test
  void build_longerCycle_namesEveryNode() {
    assertThatThrownBy(() -> Pipeline.of(pass("a", "z", "x"), pass("b", "x", "y"),
        pass("c", "y", "z"), pass("d", "raw", "w")))
        .hasMessageContaining("'a' -[x]-> 'b' -[y]-> 'c' -[z]-> 'a'")
        .hasMessageNotContaining("'d'");
  }

  @Test
  void build_outputProducedTwice_namesBothNodes() {
    assertThatThrownBy(() -> Pipeline.of(pass("a", "in", "out"), pass("b", "in2", "out")))
        .hasMessageContaining("Dataset 'out' is produced by two nodes: node 'a' and node 'b'");
  }

  @Test
  void build_duplicateNodeNames_throwWithHint() {
    assertThatThrownBy(() -> Pipeline.of(pass("a", "x", "y"), pass("a", "p", "q")))
        .hasMessageContaining("two nodes named 'a'")
        .satisfies(e -> assertThat(describe(e)).contains("namespace"));
  }

  @Test
  void build_typeMismatch_namesProducerConsumerAndTypes() {
    Node producer = Node.of("make", s("raw"), DatasetRef.of("n", Integer.class), String::length);
    Node consumer = Node.of("use", s("n"), s("out"), x -> x);
    assertThatThrownBy(() -> Pipeline.of(producer, consumer))
        .hasMessageContaining("Type mismatch on dataset 'n'")
        .hasMessageContaining("node 'make' produces java.lang.Integer")
        .hasMessageContaining("node 'use' reads it as java.lang.String");
  }

  @Test
  void build_subtypeConsumer_isAccepted() {
    Node producer = Node.of("make", s("raw"), DatasetRef.of("n", Integer.class), String::length);
    Node consumer = Node.of("use", DatasetRef.of("n", Number.class), s("out"), Object::toString);
    assertThat(Pipeline.of(producer, consumer).nodeNames()).containsExactly("make", "use");
  }

  @Test
  void invalidNames_areRejected() {
    assertThatThrownBy(() -> s("bad name")).hasMessageContaining("'bad name' is not a valid");
    assertThatThrownBy(() -> pass("bad/name", "a", "b")).hasMessageContaining("valid node name");
    assertThatThrownBy(() -> pass("n", "a", "a")).hasMessageContaining("reads and writes 'a'");
  }

  @Test
  void topologicalOrder_isDeterministicWhateverTheInputOrder() {
    List<Node> nodes = new ArrayList<>(List.of(pass("z", "raw", "a"), pass("y", "raw", "b"),
        pass("m", "a", "c"), pass("b1", "b", "d"), pass("k", "c", "e")));
    List<String> first = Pipeline.of(nodes).nodeNames();
    assertThat(first).containsExactly("y", "b1", "z", "m", "k");
    Random random = new Random(1);
    for (int i = 0; i < 20; i++) {
      Collections.shuffle(nodes, random);
      assertThat(Pipeline.of(nodes).nodeNames()).isEqualTo(first);
    }
  }

  @Test
  void inputsAndOutputs_areFreeInputsAndTerminalOutputs() {
    Pipeline p = Pipeline.of(pass("a", "raw", "x"), pass("b", "x", "y"));
    assertThat(p.inputs()).containsExactly("raw");
    assertThat(p.outputs()).containsExactly("y");
  }
}
