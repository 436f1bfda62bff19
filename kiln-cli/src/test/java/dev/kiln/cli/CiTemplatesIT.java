package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI/CD files of {@code kiln package --target ci}: every command of the GitLab pipeline runs
 * on a copy of the fraud example (with the built kiln.jar as {@code kiln}), except
 * {@code kubectl apply}, which needs a cluster; the GitHub workflow and the Jenkinsfile run the
 * same commands in the same order.
 */
class CiTemplatesIT {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @TempDir Path work;

  @Test
  void pipelineCommands_runOnTheFraudExample() throws Exception {
    Path project = work.resolve("fraud");
    ProjectCopies.copy(Path.of("..", "examples", "fraud-detection").toAbsolutePath().normalize(),
        project);
    Files.createDirectories(project.resolve("conf/local"));
    Files.writeString(project.resolve("conf/local/parameters.yml"), "raw_data:\n  rows: 20000\n");
    Path bin = Files.createDirectories(work.resolve("bin"));
    Files.writeString(bin.resolve("kiln"), "#!/usr/bin/env bash\nexec '" + Path.of(
        System.getProperty("java.home"), "bin", "java") + "' -jar '"
        + Path.of("target/kiln.jar").toAbsolutePath() + "' \"$@\"\n");
    bin.resolve("kiln").toFile().setExecutable(true);
    // new data arrives: here the example's hook generates it, and only the gate node runs
    run(bin, project, "kiln run --nodes validate");
    assertThat(run(bin, project, "kiln package fraud-detection@champion --target ci --ci all"
        + " --data data/01_raw/creditcard.csv --schema conf/base/schema.yml")).contains("Wrote");

    JsonNode gitlab = YAML.readTree(project.resolve(".gitlab-ci.yml").toFile());
    List<String> stages = new ArrayList<>();
    gitlab.get("stages").forEach(s -> stages.add(s.asText()));
    assertThat(stages).containsExactly("test", "train", "gate", "package", "deploy");
    List<String> commands = new ArrayList<>();
    gitlab.fields().forEachRemaining(job -> {
      if (job.getValue().has("script")) {
        job.getValue().get("script").forEach(line -> commands.add(line.asText()));
      }
    });
    StringBuilder env = new StringBuilder();
    gitlab.get("variables").fields().forEachRemaining(v -> env.append("export ")
        .append(v.getKey()).append("='").append(v.getValue().asText()).append("'\n"));
    List<String> skipped = new ArrayList<>();
    for (String command : commands) {
      if (command.startsWith("kubectl apply")) {
        skipped.add(command);
        continue;
      }
      run(bin, project, env + command);
    }
    assertThat(skipped).containsExactly("kubectl apply -f build/manifests.yaml");
    assertThat(project.resolve("build/image/image.tar")).isRegularFile();
    assertThat(Files.readString(project.resolve("build/manifests.yaml")))
        .contains("kind: Deployment");

    assertThat(githubCommands(project)).isEqualTo(commands);
    assertThat(jenkinsCommands(project)).isEqualTo(commands);
  }

  /** The run lines of the workflow's jobs, but installing kiln and the kubeconfig set-up. */
  private static List<String> githubCommands(Path project) throws Exception {
    JsonNode workflow = YAML.readTree(project.resolve(".github/workflows/kiln.yml").toFile());
    assertThat(workflow.has("on") || workflow.has("true")).isTrue(); // YAML 1.1 reads on: as true
    List<String> commands = new ArrayList<>();
    for (Map.Entry<String, JsonNode> job : iterable(workflow.get("jobs"))) {
      assertThat(job.getValue().get("runs-on").asText()).isEqualTo("ubuntu-latest");
      for (JsonNode step : job.getValue().get("steps")) {
        assertThat(step.has("uses") || step.has("run")).as(step.toString()).isTrue();
        if (step.has("run") && !step.path("name").asText().equals("Install kiln")) {
          step.get("run").asText().lines().map(String::strip)
              .filter(l -> !l.startsWith("echo \"$KUBECONFIG_DATA\"")
                  && !l.startsWith("export KUBECONFIG"))
              .forEach(commands::add);
        }
      }
    }
    return commands;
  }

  private static List<String> jenkinsCommands(Path project) throws Exception {
    Matcher m = Pattern.compile("sh '(.*)'").matcher(Files.readString(project.resolve(
        "Jenkinsfile")));
    List<String> commands = new ArrayList<>();
    while (m.find()) {
      commands.add(m.group(1));
    }
    return commands;
  }

  private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
    return node::fields;
  }

  private static String run(Path bin, Path dir, String script) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script)
        .directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(900, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("%s%n%s", script, out).isZero();
    return out;
  }
}
