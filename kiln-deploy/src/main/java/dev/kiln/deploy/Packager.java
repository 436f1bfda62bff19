package dev.kiln.deploy;

import dev.kiln.deploy.ci.PaasFiles;
import dev.kiln.deploy.image.ContainerImage;
import dev.kiln.deploy.image.RegistryPush;
import dev.kiln.deploy.jar.ModelJar;
import dev.kiln.deploy.k8s.KubernetesManifests;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes what {@code kiln package} makes of a model, for every target but {@link
 * PackageTarget#CI} (which is per project, see {@link dev.kiln.deploy.ci.CiTemplates}).
 */
public final class Packager {
  private final Path cache;
  private final String modelJarMainClass;
  private final RegistryPush push;

  /**
   * Creates a packager.
   *
   * @param cache where jlink runtimes are kept between image builds
   * @param modelJarMainClass the main class of model jars, which serves the embedded bundle
   */
  public Packager(Path cache, String modelJarMainClass) {
    this(cache, modelJarMainClass, null);
  }

  private Packager(Path cache, String modelJarMainClass, RegistryPush push) {
    this.cache = cache;
    this.modelJarMainClass = modelJarMainClass;
    this.push = push;
  }

  /** Returns a packager that also pushes the images it builds to their registry. */
  public Packager pushingTo(RegistryPush registry) {
    return new Packager(cache, modelJarMainClass, registry);
  }

  /**
   * What was written.
   *
   * @param files the files (or folders) written
   * @param image the image built, or null for other targets
   */
  public record Result(List<Path> files, ContainerImage.Built image) {}

  /**
   * Packages a spec for a target.
   *
   * @throws DeployException if the target needs what the spec lacks (e.g. kiln.jar)
   */
  public Result write(PackageTarget target, PackageSpec spec) throws IOException {
    return switch (target) {
      case IMAGE -> {
        ContainerImage.Built built = ContainerImage.build(spec, cache, push);
        yield new Result(List.of(built.tarball()), built);
      }
      case K8S -> new Result(KubernetesManifests.writeKustomize(spec, spec.out()), null);
      case KSERVE -> new Result(List.of(KubernetesManifests.writeKServe(spec, spec.out())), null);
      case PAAS -> new Result(PaasFiles.write(spec), null);
      case JAR -> new Result(List.of(ModelJar.write(spec, modelJarMainClass)), null);
      case CI -> throw new DeployException("CI files belong to a project, not to one model.",
          "use dev.kiln.deploy.ci.CiTemplates (kiln package --target ci does)");
    };
  }
}
