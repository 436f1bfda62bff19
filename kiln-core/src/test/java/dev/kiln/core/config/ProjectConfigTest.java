package dev.kiln.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectConfigTest {
  @TempDir Path dir;

  private void write(String path, String text) throws IOException {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  @Test
  void load_envOverridesBase_catalogPerEntry_parametersDeep() throws IOException {
    write("conf/base/catalog.yml", "a: {type: text, filepath: a.txt}\nb: {type: text, filepath: b.txt}\n");
    write("conf/prod/catalog.yml", "a: {type: json, filepath: a.json}\n");
    write("conf/base/parameters.yml", "model: {depth: 3, eta: 0.1}\nseed: 1\n");
    write("conf/prod/parameters.yml", "model: {depth: 6}\nflags: {fast: false}\n");
    ProjectConfig c = ProjectConfig.load(dir, "prod", List.of("seed=7", "model.eta=0.3",
        "flags.fast=true"));
    assertThat(c.catalog().get("a")).isEqualTo(Map.of("type", "json", "filepath", "a.json"));
    assertThat(c.catalog()).containsKey("b");
    assertThat(ConfigMaps.get(c.parameters(), "model.depth")).isEqualTo(6);
    assertThat(ConfigMaps.get(c.parameters(), "model.eta")).isEqualTo(0.3);
    assertThat(ConfigMaps.get(c.parameters(), "seed")).isEqualTo(7);
    assertThat(ConfigMaps.get(c.parameters(), "flags.fast")).isEqualTo(true);
  }

  @Test
  void load_unknownOverrideKey_isErrorWithDidYouMean() throws IOException {
    write("conf/base/parameters.yml", "model: {max_depth: 3}\nseed: 1\n");
    assertThatThrownBy(() -> ProjectConfig.load(dir, "local", List.of("model.max_depht=6")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("Unknown parameter 'model.max_depht' in --params")
        .satisfies(e -> assertThat(((ConfigException) e).hint()).hasValueSatisfying(h ->
            assertThat(h).contains("did you mean 'model.max_depth'?")));
    assertThatThrownBy(() -> ProjectConfig.load(dir, "local", List.of("sede=2")))
        .hasMessageContaining("'sede'");
    assertThatThrownBy(() -> ProjectConfig.load(dir, "local", List.of("optimizer.lr=2")))
        .hasMessageContaining("'optimizer.lr'");
    assertThat(ConfigMaps.get(ProjectConfig.load(dir, "local", List.of("model.tree_method=hist"))
        .parameters(), "model.tree_method")).isEqualTo("hist");
  }

  @Test
  void load_badYaml_namesFileAndLine() throws IOException {
    write("conf/base/catalog.yml", "a:\n  type: text\n filepath: x\n");
    assertThatThrownBy(() -> ProjectConfig.load(dir, "local", List.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("catalog.yml").hasMessageContaining("line 3");
  }

  @Test
  void load_sameKeyInTwoFilesOfOneEnv_namesBoth() throws IOException {
    write("conf/base/parameters.yml", "a: 1\n");
    write("conf/base/parameters_extra.yml", "a: 2\n");
    assertThatThrownBy(() -> ProjectConfig.load(dir, "local", List.of()))
        .hasMessageContaining("'a'").hasMessageContaining("parameters.yml")
        .hasMessageContaining("parameters_extra.yml");
  }

  @Test
  void load_unknownEnv_listsEnvs() throws IOException {
    write("conf/base/catalog.yml", "");
    assertThatThrownBy(() -> ProjectConfig.load(dir, "staging", List.of()))
        .hasMessageContaining("Environment 'staging'");
  }

  @Test
  void load_badOverride_explainsSyntax() throws IOException {
    write("conf/base/parameters.yml", "a: 1\n");
    assertThatThrownBy(() -> ProjectConfig.load(dir, "local", List.of("a:3")))
        .hasMessageContaining("'a:3' is not 'key=value'");
  }

  @Test
  void credentials_resolveEnvironment_andAreNeverPrinted() throws IOException {
    String var = System.getenv().containsKey("HOME") ? "HOME" : "PATH";
    write("conf/local/credentials.yml", "db: {username: u, password: '${env:" + var + "}'}\n");
    ProjectConfig c = ProjectConfig.load(dir, "local", List.of());
    assertThat(c.credentials().get("db").get("password")).isEqualTo(System.getenv(var));
    assertThat(c.toString()).doesNotContain(System.getenv(var)).contains("db");
  }

  @Test
  void credentials_unsetVariable_throwsNamingIt() throws IOException {
    write("conf/local/credentials.yml", "db: {password: '${env:KILN_SURELY_UNSET_VAR}'}\n");
    assertThatThrownBy(() -> ProjectConfig.load(dir, "local", List.of()))
        .hasMessageContaining("'KILN_SURELY_UNSET_VAR', which is not set");
  }
}
