package dev.kiln.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.kiln.deploy.image.ImageLabels;
import dev.kiln.deploy.k8s.KubernetesManifests;
import io.fabric8.kubernetes.api.model.Container;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The KServe InferenceService and the image labels of a packaged model. */
class KServeManifestTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @TempDir Path work;

  @Test
  void inferenceService_runsKilnsImageAsAV2Predictor() throws Exception {
    PackageSpec spec = PackageSpec.builder(TestBundles.write(work.resolve("b")),
        work.resolve("kserve")).registry("3", "Churn Score@champion").port(9000).build();
    Path file = KubernetesManifests.writeKServe(spec, spec.out());
    JsonNode isvc = YAML.readTree(file.toFile());
    assertThat(isvc.get("apiVersion").asText()).isEqualTo("serving.kserve.io/v1beta1");
    assertThat(isvc.get("kind").asText()).isEqualTo("InferenceService");
    assertThat(isvc.at("/metadata/name").asText()).isEqualTo("churn-score");
    JsonNode predictor = isvc.at("/spec/predictor");
    List<String> fields = new ArrayList<>();
    predictor.fieldNames().forEachRemaining(fields::add);
    // fields of KServe's PredictorSpec (v1beta1) used here
    assertThat(List.of("minReplicas", "maxReplicas", "scaleMetric", "scaleTarget", "containers"))
        .containsAll(fields);
    assertThat(predictor.get("containers")).hasSize(1);
    Container c = StrictModel.read(YAML.writeValueAsString(predictor.get("containers").get(0)),
        Container.class);
    assertThat(c.getName()).isEqualTo("kserve-container");
    assertThat(c.getImage()).isEqualTo("kiln/churn-score:3");
    assertThat(c.getPorts().get(0).getContainerPort()).isEqualTo(9000);
    assertThat(c.getArgs()).containsSequence("--host", "0.0.0.0", "--port", "9000");
    assertThat(c.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/v2/health/ready");
    assertThat(c.getSecurityContext().getRunAsNonRoot()).isTrue();
  }

  @Test
  void labels_nameTheModelVersionMetricsAndLineage() throws Exception {
    PackageSpec spec = PackageSpec.builder(TestBundles.write(work.resolve("b")), work)
        .registry("3", "Churn Score@champion").build();
    Map<String, String> labels = ImageLabels.of(spec);
    assertThat(labels).containsEntry("dev.kiln.model.name", "Churn Score")
        .containsEntry("dev.kiln.model.version", "3")
        .containsEntry("dev.kiln.model.bundle-version", "7")
        .containsEntry("dev.kiln.model.reference", "Churn Score@champion")
        .containsEntry("dev.kiln.model.task", "binary_classification")
        .containsEntry("org.opencontainers.image.version", "3");
    assertThat(new ObjectMapper().readTree(labels.get("dev.kiln.model.metrics"))
        .get("roc_auc").asDouble()).isEqualTo(0.8);
    assertThat(labels.get("dev.kiln.model.lineage")).contains("\"run_id\":\"r7\"");
    assertThat(labels.get("dev.kiln.healthcheck")).contains("health").contains("/v2/health/ready");
  }

  @Test
  void unknownTarget_namesTheTargets() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> PackageTarget.parse("helm"))
        .hasMessageContaining("'helm'").isInstanceOf(DeployException.class)
        .extracting(e -> ((DeployException) e).hint().orElse(""))
        .asString().contains("image, k8s, kserve, ci, paas, jar");
  }
}
