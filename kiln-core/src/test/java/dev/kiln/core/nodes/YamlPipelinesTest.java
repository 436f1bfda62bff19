package dev.kiln.core.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.KilnException;
import dev.kiln.core.config.ConfigException;
import dev.kiln.core.project.Project;
import dev.kiln.core.project.ProjectRunner;
import dev.kiln.core.project.RunRequest;
import dev.kiln.core.project.TestRegistryAccess;
import dev.kiln.core.runner.RunState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlPipelinesTest {
  @TempDir Path dir;
  Path file;

  @BeforeEach
  void project() throws IOException {
    Files.createDirectories(dir.resolve("conf/base"));
    Files.writeString(dir.resolve("conf/base/catalog.yml"), """
        raw: {type: text, filepath: raw.txt}
        out: {type: text, filepath: out.txt}
        """);
    Files.writeString(dir.resolve("conf/base/parameters.yml"), """
        greeting: {suffix: "!", times: 2}
        tail: "?"
        eu: {greeting: {suffix: "€"}}
        fail: false
        """);
    Files.writeString(dir.resolve("raw.txt"), "x");
    file = dir.resolve("conf/base/pipelines.yml");
  }

  private RunState run(String pipeline, List<String> params) {
    Project project = Project.open(dir, "local", params);
    return ProjectRunner.run(project, RunRequest.builder(pipeline).build());
  }

  private String out() throws IOException {
    return Files.readString(dir.resolve("out.txt"));
  }

  @Test
  void yamlOnlyPipeline_runsBuiltinNodes_withInlineAndReferencedParams() throws IOException {
    Files.writeString(file, """
        main:
          nodes:
            shout:
              type: suffix
              inputs: raw
              outputs: mid
              params: params:greeting
            ask:
              type: suffix
              inputs: {text: mid}
              outputs: [out]
              params: {suffix: params:tail, times: 3}
              tags: [ask]
        """);
    assertThat(run("main", List.of()).succeeded()).isTrue();
    assertThat(out()).isEqualTo("x!!???");
    assertThat(run("main", List.of("greeting.times=1")).succeeded()).isTrue();
    assertThat(out()).isEqualTo("x!???");
    Project project = Project.open(dir, "local", List.of());
    assertThat(project.pipeline("main").nodes().get(0).source()).hasValue(file + ":3");
    assertThat(project.pipeline("__default__").nodeNames()).containsExactly("shout", "ask");
  }

  @Test
  void unknownNodeType_namesFileLine_andSuggests() throws IOException {
    Files.writeString(file, "main:\n  nodes:\n    shout:\n      type: sufix\n      inputs: raw\n"
        + "      outputs: out\n");
    assertThatThrownBy(() -> Project.open(dir, "local", List.of()).pipelines())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(file + ":4: node 'shout': unknown node type 'sufix'")
        .satisfies(e -> assertThat(((KilnException) e).hint()).hasValueSatisfying(h ->
            assertThat(h).contains("did you mean 'suffix'?")));
  }

  @Test
  void unknownParameter_namesItsLine_andSuggests() throws IOException {
    Files.writeString(file, """
        main:
          nodes:
            shout:
              type: suffix
              inputs: raw
              outputs: out
              params:
                suffix: "!"
                tiems: 2
        """);
    assertThatThrownBy(() -> Project.open(dir, "local", List.of()).pipelines())
        .hasMessageContaining(file + ":9: node 'shout' (type 'suffix'): unknown parameter"
            + " 'tiems'")
        .satisfies(e -> assertThat(((KilnException) e).hint().orElseThrow())
            .contains("did you mean 'times'?"));
  }

  @Test
  void badParameterValues_areNamedWithTheirLine() throws IOException {
    Files.writeString(file, """
        main:
          nodes:
            shout:
              type: suffix
              inputs: raw
              outputs: out
              params: {suffix: "!", times: 0}
        """);
    assertThatThrownBy(() -> Project.open(dir, "local", List.of()).pipelines())
        .hasMessageContaining(file + ":7: node 'shout' (type 'suffix'): parameter 'times' must"
            + " be at least 1");
    Files.writeString(file, """
        main:
          nodes:
            shout: {type: suffix, inputs: raw, outputs: out, params: {times: 2}}
        """);
    assertThatThrownBy(() -> Project.open(dir, "local", List.of()).pipelines())
        .hasMessageContaining(file + ":3: node 'shout' (type 'suffix'): parameter 'suffix' is"
            + " required");
  }

  @Test
  void parameterOfWrongType_isNamedInUserTerms_fractionIsNoInteger() throws IOException {
    Files.writeString(file, """
        main:
          nodes:
            shout:
              type: suffix
              inputs: raw
              outputs: out
              params: {suffix: "!", times: 7.5}
        """);
    assertThatThrownBy(() -> Project.open(dir, "local", List.of()).pipelines())
        .hasMessageContaining(file + ":7: node 'shout' (type 'suffix'): parameter 'times' is 7.5"
            + " (a number), expected an integer")
        .hasMessageNotContaining("java.lang");
  }

  @Test
  void portProblems_areNamed() throws IOException {
    Files.writeString(file, """
        main:
          nodes:
            shout: {type: suffix, inputs: {txt: raw}, outputs: out, params: {suffix: "!"}}
        """);
    assertThatThrownBy(() -> Project.open(dir, "local", List.of()).pipelines())
        .hasMessageContaining(file + ":3: node 'shout' has no input 'txt'")
        .satisfies(e -> assertThat(((KilnException) e).hint().orElseThrow())
            .contains("did you mean 'text'?"));
    Files.writeString(file, """
        main:
          nodes:
            shout: {type: suffix, outputs: out, params: {suffix: "!"}}
        """);
    assertThatThrownBy(() -> Project.open(dir, "local", List.of()).pipelines())
        .hasMessageContaining(file + ":3: node 'shout' does not bind its input 'text'");
    Files.writeString(file, """
        main:
          nodes:
            shout: {type: suffix, inputs: raw, outputs: out, param: {suffix: "!"}}
        """);
    assertThatThrownBy(() -> Project.open(dir, "local", List.of()).pipelines())
        .hasMessageContaining("node 'shout' has unknown key 'param'")
        .satisfies(e -> assertThat(((KilnException) e).hint().orElseThrow())
            .contains("did you mean 'params'?"));
  }

  @Test
  void cycle_namesTheNodesAndTheirLines() throws IOException {
    Files.writeString(file, """
        main:
          nodes:
            a: {type: suffix, inputs: y, outputs: x, params: {suffix: "a"}}
            b: {type: suffix, inputs: x, outputs: y, params: {suffix: "b"}}
        """);
    assertThatThrownBy(() -> Project.open(dir, "local", List.of()).pipelines())
        .hasMessageContaining("Pipeline has a cycle: 'a' -[x]-> 'b' -[y]-> 'a'")
        .hasMessageContaining("a " + file + ":3, b " + file + ":4");
  }

  @Test
  void mixesWithJavaPipelines_andChecksTypesAcrossThem() throws IOException {
    Files.writeString(dir.resolve("conf/base/kiln.yml"), "pipelines: "
        + TestRegistryAccess.className() + "\n");
    Files.writeString(file, """
        finish:
          include: [main]
          nodes:
            shout: {type: suffix, inputs: out, outputs: shouted, params: {suffix: "!"}}
        """);
    Project project = Project.open(dir, "local", List.of());
    assertThat(project.pipeline("finish").nodeNames()).containsExactly("a", "b", "c", "shout");
    assertThat(run("finish", List.of()).succeeded()).isTrue();
    Files.writeString(file, """
        finish:
          include: [main]
          nodes:
            shout: {type: suffix, inputs: out, outputs: fail_flag, params: {suffix: "!"}}
            reads: {type: suffix, inputs: staged, outputs: mid, params: {suffix: "!"}}
        """);
    assertThatThrownBy(() -> Project.open(dir, "local", List.of()).pipelines())
        .hasMessageContaining("Dataset 'mid' is produced by two nodes")
        .hasMessageContaining("node 'reads' (" + file + ":5)");
  }

  @Test
  void namespacedInclude_prefixesDatasetsAndParameters() throws IOException {
    Files.writeString(file, """
        greet:
          nodes:
            shout: {type: suffix, inputs: raw, outputs: out, params: params:greeting}
        eu:
          include:
            - {pipeline: greet, namespace: eu, inputs: {raw: raw}, outputs: {out: out}}
        missing:
          include: [gret]
        """.replace("missing:\n  include: [gret]\n", ""));
    assertThat(run("eu", List.of()).succeeded()).isTrue();
    assertThat(out()).isEqualTo("x€");
    Files.writeString(file, "missing:\n  include: [gret]\ngreet: {nodes: {}}\n");
    assertThatThrownBy(() -> Project.open(dir, "local", List.of()).pipelines())
        .hasMessageContaining(file + ":2: pipeline 'gret' is not declared.")
        .satisfies(e -> assertThat(((KilnException) e).hint().orElseThrow())
            .contains("did you mean 'greet'?"));
  }
}
