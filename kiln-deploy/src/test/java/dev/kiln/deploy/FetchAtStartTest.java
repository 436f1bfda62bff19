package dev.kiln.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.deploy.image.ImageLabels;
import dev.kiln.deploy.image.ServeCommandLine;
import dev.kiln.deploy.k8s.KubernetesManifests;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Packaging an image that fetches its model from a tracking server at start. */
class FetchAtStartTest {
  private static final FetchAtStart FETCH = new FetchAtStart("http://tracking:5000",
      "dev.kiln.cli.RemoteModelMain");

  @TempDir static Path work;
  static Path bundle;

  @BeforeAll
  static void bundle() {
    bundle = TestBundles.write(work.resolve("bundle"));
  }

  private static PackageSpec spec(String reference, FetchAtStart fetch) {
    return PackageSpec.builder(bundle, work.resolve("out")).registry("3", reference)
        .fetchAtStart(fetch).build();
  }

  @Test
  void modelUri_kilnReferences_becomeMlflowUris() {
    assertThat(FetchAtStart.modelUri("fraud@champion")).isEqualTo("models:/fraud@champion");
    assertThat(FetchAtStart.modelUri("fraud:3")).isEqualTo("models:/fraud/3");
    assertThat(FetchAtStart.modelUri("fraud")).isEqualTo("models:/fraud");
  }

  @Test
  void image_fetching_runsTheLauncherOnTheModelUri_taggedByAlias() {
    PackageSpec spec = spec("Churn Score@champion", FETCH);

    assertThat(spec.image()).isEqualTo("kiln/churn-score:champion");
    assertThat(ServeCommandLine.entrypoint(spec)).endsWith("-cp", "/opt/kiln/kiln.jar",
        "dev.kiln.cli.RemoteModelMain");
    assertThat(ServeCommandLine.arguments(spec)).startsWith("models:/Churn Score@champion",
        "--host", "0.0.0.0");
    assertThat(ImageLabels.of(spec))
        .containsEntry("dev.kiln.model.fetch", "models:/Churn Score@champion")
        .containsEntry("dev.kiln.model.tracking-uri", "http://tracking:5000")
        .doesNotContainKeys("dev.kiln.model.version", "dev.kiln.model.metrics");
  }

  @Test
  void image_baked_servesTheBundleFolder() {
    PackageSpec spec = spec("Churn Score@champion", null);

    assertThat(spec.image()).isEqualTo("kiln/churn-score:3");
    assertThat(ServeCommandLine.entrypoint(spec)).endsWith("-jar", "/opt/kiln/kiln.jar",
        "serve").contains("-Dkiln.native.dir=/opt/kiln/native");
    assertThat(ServeCommandLine.arguments(spec)).startsWith("/opt/kiln/model");
    assertThat(ImageLabels.of(spec)).containsEntry("dev.kiln.model.version", "3")
        .doesNotContainKey("dev.kiln.model.fetch");
  }

  @Test
  void build_fetchingABundlePath_refusedWithHint() {
    assertThatThrownBy(() -> PackageSpec.builder(bundle, work.resolve("out"))
        .fetchAtStart(FETCH).build())
        .isInstanceOf(DeployException.class)
        .hasMessageContaining("needs a registered model (NAME@alias)");
  }

  @Test
  void kubernetes_fetching_passesTheModelUriAndTheTrackingToken() throws Exception {
    PackageSpec spec = spec("Churn Score@champion", FETCH);
    KubernetesManifests.writeKustomize(spec, work.resolve("k8s"));
    KubernetesManifests.writeKServe(spec, work.resolve("kserve"));

    Deployment d = StrictModel.read(Files.readString(work.resolve("k8s/base/deployment.yaml")),
        Deployment.class);
    Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(c.getArgs().get(0)).isEqualTo("models:/Churn Score@champion");
    EnvVar token = c.getEnv().stream().filter(e -> e.getName().equals("MLFLOW_TRACKING_TOKEN"))
        .findFirst().orElseThrow();
    assertThat(token.getValueFrom().getSecretKeyRef().getName()).isEqualTo("churn-score-tracking");
    assertThat(Files.readString(work.resolve("kserve/inferenceservice.yaml")))
        .contains("- \"models:/Churn Score@champion\"")
        .contains("name: MLFLOW_TRACKING_TOKEN");
  }
}
