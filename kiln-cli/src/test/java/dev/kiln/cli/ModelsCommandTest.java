package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Register bundles, move and roll back aliases, and score from the registry. */
class ModelsCommandTest {
  @TempDir static Path work;
  static Path project;
  static String trackedRun;

  static String kiln(int expected, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
    assertThat(code).as("%s%n%s", out, err).isEqualTo(expected);
    return out.toString() + err;
  }

  @BeforeAll
  static void trainSmallFraudModel() throws Exception {
    project = work.resolve("fraud");
    ProjectCopies.copy(Path.of("..", "examples", "fraud-detection").toAbsolutePath().normalize(),
        project);
    String out = kiln(0, "run", "--project", project.toString(), "--params",
        "raw_data.rows=20000");
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("Tracked as run (\\S+)")
        .matcher(out);
    assertThat(m.find()).as(out).isTrue();
    trackedRun = m.group(1);
  }

  @Test
  void register_promote_rollback_predictFromRegistry() {
    String p = project.toString();
    String bundle = project.resolve("data/06_models/bundle").toString();
    assertThat(kiln(0, "models", "register", bundle, "--project", p)).contains("version 1")
        .contains("run " + trackedRun);
    assertThat(kiln(0, "models", "versions", "fraud-detection", "--project", p))
        .contains(trackedRun);
    assertThat(kiln(0, "models", "register", bundle, "--project", p)).contains("version 2");
    kiln(0, "models", "promote", "fraud-detection", "1", "--project", p);
    kiln(0, "models", "promote", "fraud-detection", "2", "--project", p);
    assertThat(kiln(0, "models", "rollback", "fraud-detection", "--project", p))
        .contains("@champion -> version 1");
    assertThat(kiln(0, "models", "alias", "fraud-detection", "champion", "--project", p).lines())
        .hasSize(3);
    Path out = work.resolve("scores.csv");
    assertThat(kiln(0, "predict", "fraud-detection@champion", "--project", p, "--input",
        project.resolve("data/05_model_input/test.parquet").toString(), "--output",
        out.toString())).contains("Scored");
    assertThat(Files.exists(out)).isTrue();
    assertThat(kiln(0, "models", "download", "fraud-detection:2", "--to",
        work.resolve("v2").toString(), "--project", p)).contains("verified");
  }

  @Test
  void register_bundleFromAnotherProject_linksNoRun_unknownRunExit2() throws Exception {
    Path other = work.resolve("other");
    Files.createDirectories(other.resolve("conf/base"));
    Files.writeString(other.resolve("conf/base/kiln.yml"), "name: other\n");
    String bundle = project.resolve("data/06_models/bundle").toString();
    assertThat(kiln(0, "models", "register", bundle, "--project", other.toString()))
        .contains("run none: pass --run RUN_ID");
    assertThat(kiln(2, "models", "register", bundle, "--project", other.toString(), "--run",
        "no-such-run")).contains("no-such-run");
  }

  @Test
  void unknownAliasOrTamperedBundle_exit2() throws Exception {
    String p = project.toString();
    assertThat(kiln(2, "predict", "fraud-detection@nope", "--project", p, "--input", "x.csv",
        "--output", "y.csv")).contains("Error:");
    Path copy = work.resolve("tampered");
    ProjectCopies.copy(project.resolve("data/06_models/bundle"), copy);
    Files.writeString(copy.resolve("preprocessing.json"), "{}");
    assertThat(kiln(2, "bundle", "inspect", copy.toString())).contains("checksum");
    assertThat(kiln(2, "models", "register", copy.toString(), "--project", p))
        .contains("checksum");
  }

  @Test
  void json_modelsListVersionsShowAndBundleInspect_parseBack() throws Exception {
    String p = project.toString();
    String bundle = project.resolve("data/06_models/bundle").toString();
    kiln(0, "models", "register", bundle, "--name", "json-demo", "--project", p);
    kiln(0, "models", "promote", "json-demo", "1", "--alias", "staging", "--project", p);
    ObjectMapper json = new ObjectMapper();
    JsonNode models = json.readTree(kiln(0, "models", "list", "--json", "--project", p));
    JsonNode demo = null;
    for (JsonNode m : models.get("models")) {
      demo = m.get("name").asText().equals("json-demo") ? m : demo;
    }
    assertThat(demo).isNotNull();
    JsonSchemaDocs.assertFields(models, "models list", "models");
    JsonSchemaDocs.assertFields(demo, "models list", "name", "description", "created", "aliases",
        "latest_version");
    assertThat(demo.get("latest_version").asLong()).isEqualTo(1);
    assertThat(demo.get("aliases").get("staging").asLong()).isEqualTo(1);
    JsonNode versions = json.readTree(kiln(0, "models", "versions", "json-demo", "--json",
        "--project", p));
    assertThat(versions.get("versions")).hasSize(1);
    JsonSchemaDocs.assertFields(versions, "models versions", "model", "versions");
    JsonSchemaDocs.assertFields(versions.get("versions").get(0), "models versions", "version",
        "created", "run_id", "source", "tags");
    assertThat(versions.get("versions").get(0).get("run_id").asText()).isEqualTo(trackedRun);
    JsonNode shown = json.readTree(kiln(0, "models", "show", "json-demo", "--json",
        "--project", p));
    assertThat(shown.get("version_count").asInt()).isEqualTo(1);
    JsonSchemaDocs.assertFields(shown, "models show", "name", "description", "created", "tags",
        "aliases", "version_count", "latest");
    assertThat(shown.get("latest").get("tags").fieldNames()).toIterable()
        .anyMatch(k -> k.startsWith("metric."));
    assertThat(kiln(0, "models", "list", "--project", p)).contains("staging=v1")
        .doesNotContain("{staging=1}");
    JsonNode inspected = json.readTree(kiln(0, "bundle", "inspect", bundle, "--json"));
    assertThat(inspected.get("name").asText()).isEqualTo("fraud-detection");
    JsonSchemaDocs.assertFields(inspected, "bundle inspect", "path", "verified_files", "name",
        "version", "task", "model_format", "created_at", "label", "threshold", "signed",
        "encryption", "inputs", "metrics", "lineage");
    JsonSchemaDocs.assertFields(inspected.get("inputs").get(0), "bundle inspect", "name", "type",
        "nullable", "min", "max", "categories");
    assertThat(inspected.get("signed").asBoolean()).isFalse();
    assertThat(inspected.get("encryption").isNull()).isTrue();
    assertThat(inspected.get("inputs").get(0).has("type")).isTrue();
    assertThat(inspected.get("metrics").size()).isPositive();
    assertThat(kiln(0, "models", "download", "json-demo:1", "--output",
        work.resolve("json-v1").toString(), "--project", p)).contains("verified");
  }
}
