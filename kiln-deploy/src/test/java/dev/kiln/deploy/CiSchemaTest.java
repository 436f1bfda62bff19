package dev.kiln.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.kiln.deploy.ci.CiTemplates;
import dev.kiln.deploy.ci.CiTemplates.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI templates against their systems' JSON schemas: SchemaStore's GitHub Actions workflow
 * schema and GitLab's {@code .gitlab-ci.yml} schema (test resources under ci-schemas/, see the
 * README there). Jenkins declarative pipelines have no schema; CiTemplatesIT checks the
 * Jenkinsfile runs the same commands as the GitLab file it executes.
 */
class CiSchemaTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @TempDir Path work;

  @Test
  void githubWorkflow_withAndWithoutSchema_matchesTheWorkflowSchema() throws Exception {
    Schema schema = schema("github-workflow.json");
    for (String dataSchema : List.of("", "conf/base/schema.yml")) {
      JsonNode workflow = write(CiTemplates.System.GITHUB, dataSchema);
      assertThat(messages(schema, workflow)).as("with schema '%s'", dataSchema).isEmpty();
    }
  }

  @Test
  void gitlabCi_withAndWithoutSchema_matchesTheGitlabSchema() throws Exception {
    Schema schema = schema("gitlab-ci.json");
    for (String dataSchema : List.of("", "conf/base/schema.yml")) {
      JsonNode pipeline = write(CiTemplates.System.GITLAB, dataSchema);
      assertThat(messages(schema, pipeline)).as("with schema '%s'", dataSchema).isEmpty();
    }
  }

  @Test
  void schemas_refuseBrokenFiles() throws Exception {
    ObjectNode workflow = (ObjectNode) write(CiTemplates.System.GITHUB, "");
    ((ObjectNode) workflow.at("/jobs/train")).remove("runs-on");
    ((ObjectNode) workflow.at("/jobs/deploy")).put("needz", "train");
    assertThat(messages(schema("github-workflow.json"), workflow)).isNotEmpty();
    ObjectNode pipeline = (ObjectNode) write(CiTemplates.System.GITLAB, "");
    pipeline.put("stages", "train");
    assertThat(messages(schema("gitlab-ci.json"), pipeline)).isNotEmpty();
  }

  private JsonNode write(CiTemplates.System system, String dataSchema) throws IOException {
    Path root = work.resolve(system.name() + dataSchema.length());
    Path file = CiTemplates.write(new Settings("fraud-detection", "data/01_raw/new.csv",
        dataSchema), List.of(system), root).get(0);
    return YAML.readTree(file.toFile());
  }

  private static List<String> messages(Schema schema, JsonNode document) {
    return schema.validate(document).stream().map(Error::toString).toList();
  }

  private static Schema schema(String name) throws IOException {
    try (InputStream in = CiSchemaTest.class.getResourceAsStream("/ci-schemas/" + name)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
          .getSchema(text, InputFormat.JSON);
    }
  }
}
