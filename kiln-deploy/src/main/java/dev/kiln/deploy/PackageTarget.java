package dev.kiln.deploy;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What {@code kiln package} writes. */
public enum PackageTarget {
  /** An OCI image tarball: a jlink runtime, kiln.jar and the bundle, entrypoint kiln serve. */
  IMAGE,
  /** A Kustomize base (Deployment, Service, HPA, PDB, ConfigMap) and a canary overlay. */
  K8S,
  /** A KServe InferenceService running Kiln's image as a custom V2 predictor. */
  KSERVE,
  /** CI/CD files: GitHub Actions, GitLab CI and a Jenkinsfile. */
  CI,
  /** Procfile and system.properties for Heroku-style platforms. */
  PAAS,
  /** A runnable jar with the bundle inside: {@code java -jar model.jar} serves it. */
  JAR;

  /**
   * Parses a target name, case-insensitively.
   *
   * @throws DeployException naming the targets when the name is not one
   */
  public static PackageTarget parse(String name) {
    for (PackageTarget t : values()) {
      if (t.name().equalsIgnoreCase(name)) {
        return t;
      }
    }
    throw new DeployException("Package target '" + name + "' is not known.", "use one of "
        + Arrays.stream(values()).map(PackageTarget::cliName).collect(Collectors.joining(", ")));
  }

  /** Returns the name used on the command line, e.g. {@code kserve}. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
