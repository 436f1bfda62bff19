package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Tables, --json, named parameters in help, old option spellings and shell completion. */
class ScriptableOutputTest {
  @TempDir Path work;
  private final ObjectMapper json = new ObjectMapper();

  private String kiln(int expected, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
    assertThat(code).as("%s%n%s", out, err).isEqualTo(expected);
    return out.toString();
  }

  @Test
  void pipelinesAndCatalog_json_parsesBackWithDocumentedFields() throws Exception {
    kiln(0, "new", "demo", "--dir", work.toString());
    String p = work.resolve("demo").toString();
    JsonNode pipelines = json.readTree(kiln(0, "pipelines", "list", "--json", "--project", p));
    assertThat(pipelines.get("pipelines").get(0).get("name").asText()).isEqualTo("__default__");
    assertThat(pipelines.get("pipelines").get(0).get("nodes").asInt()).isEqualTo(3);
    JsonSchemaDocs.assertFields(pipelines, "pipelines list", "pipelines");
    JsonSchemaDocs.assertFields(pipelines.get("pipelines").get(0), "pipelines list", "name",
        "nodes");
    JsonNode described = json.readTree(kiln(0, "pipelines", "describe", "--json", "--project",
        p));
    assertThat(described.get("nodes")).hasSize(3);
    JsonSchemaDocs.assertFields(described, "pipelines describe", "name", "nodes", "inputs",
        "outputs");
    JsonSchemaDocs.assertFields(described.get("nodes").get(0), "pipelines describe", "name",
        "tags", "inputs", "outputs");
    assertThat(described.get("nodes").get(0).get("inputs").isArray()).isTrue();
    assertThat(described.get("inputs").toString()).contains("corpus");
    JsonNode catalog = json.readTree(kiln(0, "catalog", "list", "--json", "--project", p));
    JsonNode corpus = null;
    for (JsonNode d : catalog.get("datasets")) {
      corpus = d.get("name").asText().equals("corpus") ? d : corpus;
    }
    assertThat(corpus).isNotNull();
    JsonSchemaDocs.assertFields(catalog, "catalog list", "datasets");
    JsonSchemaDocs.assertFields(corpus, "catalog list", "name", "type", "filepath", "versioned",
        "pattern");
    assertThat(corpus.get("type").asText()).isEqualTo("text");
    assertThat(corpus.get("filepath").asText()).endsWith("corpus.txt");
    assertThat(corpus.get("versioned").asBoolean()).isFalse();
    assertThat(kiln(0, "catalog", "list", "--project", p).lines().findFirst().orElseThrow())
        .startsWith("DATASET").contains("TYPE").contains("FILEPATH");
  }

  @Test
  void table_alignsColumnsUnderHeaders_nullAsDash() {
    StringWriter text = new StringWriter();
    Table.of("name", "value").row("a", 1).row("longer", null).print(new PrintWriter(text, true));
    assertThat(text.toString().lines().toList())
        .containsExactly("NAME    VALUE", "a       1", "longer  -");
  }

  @Test
  void help_namesEveryPositionalParameter() {
    List<String> unnamed = new ArrayList<>();
    visit(KilnCommand.commandLine(), unnamed);
    assertThat(unnamed).isEmpty();
  }

  private static void visit(CommandLine command, List<String> unnamed) {
    String usage = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
    if (usage.matches("(?s).*<(arg|param)\\d*>.*")) {
      unnamed.add(command.getCommandSpec().qualifiedName());
    }
    command.getSubcommands().values().forEach(c -> visit(c, unnamed));
  }

  @Test
  void oldOptionSpellings_areRewrittenForTheirCommandOnly_andHiddenFromHelp() {
    assertThat(LegacyOptions.rewrite(new String[] {"--debug", "bundle", "sign", "b", "--key",
        "k"})).containsExactly("--debug", "bundle", "sign", "b", "--private-key", "k");
    assertThat(LegacyOptions.rewrite(new String[] {"models", "download", "m", "--to=d"}))
        .containsExactly("models", "download", "m", "--output=d");
    assertThat(LegacyOptions.rewrite(new String[] {"bundle", "encrypt", "b", "--key", "k"}))
        .containsExactly("bundle", "encrypt", "b", "--key", "k");
    assertThat(kiln(0, "models", "download", "--help")).contains("--output")
        .doesNotContain("--to");
    assertThat(kiln(0, "bundle", "sign", "--help")).contains("--private-key=FILE");
  }

  @Test
  void completion_printsScriptCoveringSubcommandsAndOptions() {
    String script = kiln(0, "completion", "bash");
    assertThat(script).contains("complete -F _complete_kiln").contains("completion")
        .contains("inspect").contains("--json").contains("ZSH_VERSION");
    assertThat(kiln(0, "completion", "zsh")).isEqualTo(script);
    assertThat(kiln(2, "completion", "fish")).isEmpty();
  }

  @Test
  void completion_inBash_completesCommandsAndOptions() throws Exception {
    Path script = work.resolve("kiln-completion.bash");
    Files.writeString(script, kiln(0, "completion", "bash"));
    assertThat(complete(script, "kiln ru")).contains("run", "runs").doesNotContain("serve");
    assertThat(complete(script, "kiln runs list --j")).containsExactly("--json");
    assertThat(complete(script, "kiln models pro")).containsExactly("promote");
  }

  /** Returns what bash offers for the last word of a command line, with the script sourced. */
  private static List<String> complete(Path script, String line) throws Exception {
    String[] words = line.split(" ");
    String body = "source '" + script + "'\n"
        + "COMP_WORDS=(" + line + "); COMP_CWORD=" + (words.length - 1) + "\n"
        + "COMP_LINE='" + line + "'; COMP_POINT=" + line.length() + "\n"
        + "_complete_kiln kiln '" + words[words.length - 1] + "' '" + words[words.length - 2]
        + "'\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n";
    // stderr dropped: outside an interactive completion, bash's compopt complains and goes on
    Process bash = new ProcessBuilder("bash", "-c", body)
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(bash.waitFor()).as(out).isZero();
    return out.lines().map(String::trim).filter(w -> !w.isEmpty()).toList();
  }
}
