package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs docs/deployment.md with the built kiln.jar: registry to an OCI image run by podman (ready,
 * predicting, non-root, draining on stop), the image pushed to a local docker-registry with a
 * signed-in user and pulled back by podman, Kubernetes manifests rendered by kubectl, a model
 * jar serving, PaaS and CI files; an image that fetches its model from a tracking server at
 * start (served, predicting; refused with a wrong token, and when the server is down). Skipped, with the reason printed, only where podman cannot run.
 */
class DeploymentDocsIT {
  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

  @TempDir static Path work;

  @BeforeAll
  static void podmanRuns() throws Exception {
    String reason = podmanProblem();
    if (reason != null) {
      System.err.println("DeploymentDocsIT skipped: " + reason);
    }
    Assumptions.assumeTrue(reason == null, reason);
  }

  @Test
  void deployment_walkthrough_runs() throws Exception {
    ProjectCopies.copy(REPO.resolve("examples/fraud-detection"),
        work.resolve("examples/fraud-detection"));
    run("podman", "rm", "-f", "fraud");
    run("podman", "rm", "-f", "fraud-fetching");
    run("podman", "rmi", "-f", "localhost/kiln/fraud-detection:champion");
    run("podman", "rmi", "-f", "localhost/kiln/fraud-detection:1");
    run("podman", "rmi", "-f", "localhost:5000/kiln/fraud-detection:1");
    ShellWalk.Result walk = ShellWalk.run(REPO.resolve("docs/deployment.md"), work,
        "'" + Path.of(System.getProperty("java.home"), "bin", "java") + "' -jar '"
            + Path.of("target/kiln.jar").toAbsolutePath() + "'", 1200);
    assertThat(walk.exitCode()).as(walk.output()).isZero();
    assertThat(walk.output())
        .contains("0 failed")
        .contains("Image kiln/fraud-detection:1")
        .contains("\"ready\":true")
        .contains("\"predictions\":[{\"prediction\":0")
        .contains("user 10001:10001")
        .contains("Stopping: no new requests").contains("Stopped gracefully")
        .contains("\"roc_auc\"")
        .contains("Pushed localhost:5000/kiln/fraud-detection:1 (sha256:")
        .contains("{\"name\":\"kiln/fraud-detection\",\"tags\":[\"1\"]}")
        .contains("web: java")
        .contains("Downloaded fraud-detection version 1 from http://127.0.0.1:5001")
        .contains("answered 401 UNAUTHENTICATED")
        .contains("Tracking server 'http://127.0.0.1:5009' cannot be reached (tried for 2 s)");
    assertThat(walk.output().split("\"predictions\":\\[\\{\"prediction\":0", -1))
        .as("the baked and the fetching image both predict").hasSizeGreaterThanOrEqualTo(3);
    assertThat(walk.output().lines().filter(l -> !l.startsWith("$ ")))
        .as("tokens are never printed")
        .noneMatch(l -> l.contains("tr4cking-s3cret") || l.contains("not-the-token"));
    assertThat(work.resolve("build/k8s/canary/deployment.yaml")).isRegularFile();
    assertThat(Files.readString(work.resolve("build/fraud.yaml")))
        .contains("kind: HorizontalPodAutoscaler").contains("image: kiln/fraud-detection:1");
    assertThat(work.resolve("build/kserve/inferenceservice.yaml")).isRegularFile();
    assertThat(work.resolve("examples/fraud-detection/.github/workflows/kiln.yml"))
        .isRegularFile();
    assertThat(work.resolve("build/paas/model/bundle.json")).isRegularFile();
  }

  /** Returns why podman cannot run containers here, or null when it can. */
  private static String podmanProblem() throws Exception {
    try {
      Process p = new ProcessBuilder("podman", "--runtime", "runc", "info")
          .redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        return "'podman --runtime runc info' failed: " + out;
      }
      return null;
    } catch (java.io.IOException e) {
      return "podman is not installed (.ci/run installs podman and runc): " + e.getMessage();
    }
  }

  private static void run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    p.waitFor(60, TimeUnit.SECONDS);
  }
}
