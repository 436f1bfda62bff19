package dev.kiln.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.deploy.k8s.KubernetesManifests;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kustomize base and canary overlay: each file parses strictly into the Kubernetes API model
 * (fabric8), the objects agree with each other and with the server's drain, they are accepted by
 * a mock API server, and kubectl renders the Kustomize folders.
 */
@EnableKubernetesMockClient(crud = true)
class KubernetesManifestsTest {
  @TempDir static Path work;
  static PackageSpec spec;
  static KubernetesClient client;

  @BeforeAll
  static void writeManifests() throws Exception {
    spec = PackageSpec.builder(TestBundles.write(work.resolve("bundle")), work.resolve("k8s"))
        .registry("3", "Churn Score@champion").build();
    KubernetesManifests.writeKustomize(spec, spec.out());
  }

  @Test
  void base_parsesStrictly_andAgrees() throws Exception {
    Deployment d = StrictModel.read(file("base/deployment.yaml"), Deployment.class);
    assertThat(d.getMetadata().getName()).isEqualTo("churn-score");
    assertThat(d.getSpec().getTemplate().getMetadata().getLabels())
        .containsAllEntriesOf(d.getSpec().getSelector().getMatchLabels());
    Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(c.getImage()).isEqualTo("kiln/churn-score:3");
    assertThat(c.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/v2/health/ready");
    assertThat(c.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/v2/health/live");
    assertThat(c.getArgs()).containsSequence("--drain-timeout", "$(KILN_DRAIN_TIMEOUT)");
    assertThat(c.getArgs()).as("the server binds loopback unless told").containsSequence(
        "--host", "0.0.0.0");
    assertThat(c.getEnv().get(0).getValueFrom().getSecretKeyRef().getName())
        .isEqualTo("churn-score-auth");
    assertThat(d.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot())
        .isTrue();
    ConfigMap cm = StrictModel.read(file("base/configmap.yaml"), ConfigMap.class);
    assertThat(c.getEnvFrom().get(0).getConfigMapRef().getName())
        .isEqualTo(cm.getMetadata().getName());
    long drain = Long.parseLong(cm.getData().get("KILN_DRAIN_TIMEOUT").replace("s", ""));
    long preStop = c.getLifecycle().getPreStop().getSleep().getSeconds();
    assertThat(d.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds())
        .isGreaterThan(drain + preStop);
    HorizontalPodAutoscaler hpa = StrictModel.read(file("base/hpa.yaml"),
        HorizontalPodAutoscaler.class);
    assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo("churn-score");
    PodDisruptionBudget pdb = StrictModel.read(file("base/pdb.yaml"), PodDisruptionBudget.class);
    assertThat(pdb.getSpec().getSelector().getMatchLabels())
        .isEqualTo(d.getSpec().getSelector().getMatchLabels());
    Service svc = StrictModel.read(file("base/service.yaml"), Service.class);
    assertThat(d.getSpec().getTemplate().getMetadata().getLabels())
        .containsAllEntriesOf(svc.getSpec().getSelector());
    StrictModel.read(file("base/ingress.yaml"), Ingress.class);
  }

  @Test
  void strictModel_rejectsAFieldTheApiDoesNotDefine() throws Exception {
    String typo = file("base/deployment.yaml").replace("  replicas: 2", "  replica: 2");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> StrictModel.read(typo,
        Deployment.class)).hasMessageContaining("replica");
  }

  @Test
  void canary_isItsOwnTrack_withAWeightedIngress() throws Exception {
    Deployment d = StrictModel.read(file("canary/deployment.yaml"), Deployment.class);
    assertThat(d.getMetadata().getName()).isEqualTo("churn-score-canary");
    assertThat(d.getSpec().getReplicas()).isEqualTo(1);
    assertThat(d.getSpec().getSelector().getMatchLabels()).containsEntry("dev.kiln/track",
        "canary");
    Ingress ingress = StrictModel.read(file("canary/ingress.yaml"), Ingress.class);
    assertThat(ingress.getMetadata().getAnnotations())
        .containsEntry("nginx.ingress.kubernetes.io/canary-weight", "10");
    Service svc = StrictModel.read(file("canary/service.yaml"), Service.class);
    assertThat(svc.getSpec().getSelector()).containsEntry("dev.kiln/track", "canary");
  }

  @Test
  void apiServer_acceptsEveryObject() throws Exception {
    for (String f : List.of("base/configmap.yaml", "base/deployment.yaml", "base/service.yaml",
        "base/hpa.yaml", "base/pdb.yaml", "base/ingress.yaml", "canary/deployment.yaml",
        "canary/service.yaml", "canary/ingress.yaml")) {
      HasMetadata created = client.resource(file(f)).inNamespace("models").create();
      assertThat(client.resource(created).inNamespace("models").get()).as(f).isNotNull();
    }
    assertThat(client.apps().deployments().inNamespace("models").list().getItems())
        .extracting(x -> x.getMetadata().getName())
        .containsExactlyInAnyOrder("churn-score", "churn-score-canary");
  }

  @Test
  void kubectlKustomize_rendersBaseAndCanary() throws Exception {
    Map<String, Long> kinds = StrictModel.kinds(kustomize("base"));
    assertThat(kinds).containsOnlyKeys("ConfigMap", "Deployment", "Service",
        "HorizontalPodAutoscaler", "PodDisruptionBudget", "Ingress");
    assertThat(StrictModel.kinds(kustomize("canary"))).containsOnlyKeys("Deployment",
        "Service", "Ingress");
  }

  private static String kustomize(String folder) throws Exception {
    Process p;
    try {
      p = new ProcessBuilder("kubectl", "kustomize", spec.out().resolve(folder).toString())
          .start();
    } catch (java.io.IOException e) {
      throw new AssertionError("kubectl is needed to render the Kustomize folders (.ci/run"
          + " installs it)", e);
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(err).isZero();
    return out;
  }

  private static String file(String name) throws Exception {
    return Files.readString(spec.out().resolve(name));
  }
}
