package dev.kiln.deploy.k8s;

import dev.kiln.core.catalog.AtomicFiles;
import dev.kiln.deploy.PackageSpec;
import dev.kiln.deploy.Template;
import dev.kiln.deploy.image.ImageLayout;
import dev.kiln.deploy.image.ServeCommandLine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the Kubernetes manifests of a packaged model: a Kustomize base (ConfigMap of server
 * settings, Deployment with probes on {@code /v2/health/*}, resources, a termination grace
 * period covering the server's drain, a Secret reference for the bearer token; Service, HPA,
 * PodDisruptionBudget, Ingress), a canary overlay (its own Deployment, Service and a weighted
 * Ingress), and a KServe InferenceService.
 */
public final class KubernetesManifests {
  /** How long {@code kiln serve} drains on SIGTERM in a pod. */
  static final int DRAIN_SECONDS = 30;
  /** The preStop pause during which endpoints stop sending traffic. */
  static final int PRE_STOP_SECONDS = 5;
  /** The canary's share of traffic, in percent. */
  static final int CANARY_WEIGHT = 10;

  private static final List<String> BASE = List.of("kustomization.yaml", "configmap.yaml",
      "deployment.yaml", "service.yaml", "hpa.yaml", "pdb.yaml", "ingress.yaml");
  private static final List<String> CANARY = List.of("kustomization.yaml", "service.yaml",
      "ingress.yaml");

  private KubernetesManifests() {}

  /** Writes {@code base/} and {@code canary/} into {@code dir}; returns the files written. */
  public static List<Path> writeKustomize(PackageSpec spec, Path dir) throws IOException {
    Map<String, String> values = values(spec);
    List<Path> written = new ArrayList<>();
    for (String file : BASE) {
      written.add(write(dir.resolve("base").resolve(file),
          Template.of("k8s/base/" + file).render(values)));
    }
    for (String file : CANARY) {
      written.add(write(dir.resolve("canary").resolve(file),
          Template.of("k8s/canary/" + file).render(values)));
    }
    written.add(write(dir.resolve("canary/deployment.yaml"), canaryDeployment(values)));
    return written;
  }

  /** Writes {@code inferenceservice.yaml} into {@code dir}; returns it. */
  public static Path writeKServe(PackageSpec spec, Path dir) throws IOException {
    return write(dir.resolve("inferenceservice.yaml"),
        Template.of("kserve/inferenceservice.yaml").render(values(spec)));
  }

  /** The stable Deployment made into the canary's: its own name, track label and 1 replica. */
  private static String canaryDeployment(Map<String, String> values) {
    String stable = Template.of("k8s/base/deployment.yaml").render(values);
    String resource = values.get("resource");
    return stable.replaceFirst("(?m)^  name: " + resource + "$", "  name: " + resource
        + "-canary").replace("dev.kiln/track: stable", "dev.kiln/track: canary")
        .replaceFirst("(?m)^  replicas: \\d+$", "  replicas: 1");
  }

  static Map<String, String> values(PackageSpec spec) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("name", spec.name());
    v.put("resource", spec.resourceName());
    v.put("version", spec.version());
    v.put("image", spec.image());
    v.put("model", ServeCommandLine.model(spec));
    v.put("port", Integer.toString(spec.port()));
    v.put("uid", Integer.toString(ImageLayout.UID));
    v.put("home", ImageLayout.HOME);
    v.put("readyPath", ImageLayout.READY_PATH);
    v.put("livePath", ImageLayout.LIVE_PATH);
    v.put("drainSeconds", Integer.toString(DRAIN_SECONDS));
    v.put("gracePeriod", Integer.toString(DRAIN_SECONDS + PRE_STOP_SECONDS + 5));
    v.put("host", spec.resourceName() + ".example.com");
    v.put("weight", Integer.toString(CANARY_WEIGHT));
    v.put("trackingEnv", trackingEnv(spec, 12));
    v.put("predictorTrackingEnv", trackingEnv(spec, 10));
    return v;
  }

  /**
   * The tracking server's token for an image that fetches its model at start, from Secret
   * {@code NAME-tracking} (key {@code token}); nothing for an image that carries its bundle.
   */
  private static String trackingEnv(PackageSpec spec, int indent) {
    if (spec.fetch() == null) {
      return "";
    }
    String pad = " ".repeat(indent);
    return pad + "- name: MLFLOW_TRACKING_TOKEN\n" + pad + "  valueFrom:\n" + pad
        + "    secretKeyRef:\n" + pad + "      name: " + spec.resourceName() + "-tracking\n"
        + pad + "      key: token";
  }

  private static Path write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8));
    return file;
  }
}
