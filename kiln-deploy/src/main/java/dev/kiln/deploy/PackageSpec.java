package dev.kiln.deploy;

import dev.kiln.ml.bundle.BundleManifest;
import dev.kiln.ml.bundle.ModelBundle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What to package: a verified bundle and how it is known in the registry, and where the outputs
 * go. Build one with {@link #builder(Path, Path)}.
 *
 * @param bundle the bundle folder
 * @param manifest its verified manifest
 * @param version the version it is known by: the registry version, else the bundle's own
 * @param reference the registry reference it came from ({@code NAME@alias}), or null for a path
 * @param out the output folder
 * @param image the image reference, e.g. {@code kiln/fraud-detection:3}
 * @param kilnJar the runnable kiln.jar to put in images and model jars, or null if unknown
 * @param port the port the server listens on in a container
 * @param plugins optional jars to add beside kiln.jar, e.g. {@code lib/kiln-onnx.jar}
 * @param fetch how the image fetches the model when it starts, or null to bake the bundle in
 */
public record PackageSpec(Path bundle, BundleManifest manifest, String version, String reference,
    Path out, String image, Path kilnJar, int port, List<Path> plugins, FetchAtStart fetch) {

  /** Validates and copies. */
  public PackageSpec {
    Objects.requireNonNull(bundle, "bundle");
    Objects.requireNonNull(manifest, "manifest");
    Objects.requireNonNull(out, "out");
    plugins = List.copyOf(plugins);
    if (port < 1 || port > 65535) {
      throw new DeployException("Port " + port + " is not within 1..65535.", "e.g. --port 8080");
    }
  }

  /** Returns the model name. */
  public String name() {
    return manifest.name();
  }

  /** Returns the model name as a Kubernetes resource name (lower case, digits and dashes). */
  public String resourceName() {
    String n = manifest.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-")
        .replaceAll("^-+|-+$", "");
    return n.length() > 50 ? n.substring(0, 50) : n;
  }

  /**
   * Starts a spec for a bundle folder (verified now) writing into {@code out}.
   *
   * @throws dev.kiln.ml.bundle.BundleException if the bundle does not verify
   */
  public static Builder builder(Path bundle, Path out) {
    return new Builder(bundle, ModelBundle.verify(bundle), out);
  }

  /** Builds a {@link PackageSpec}; every setting but the bundle and output has a default. */
  public static final class Builder {
    private final Path bundle;
    private final BundleManifest manifest;
    private final Path out;
    private String version;
    private String reference;
    private String image;
    private Path kilnJar;
    private int port = 8080;
    private List<Path> plugins = List.of();
    private FetchAtStart fetch;

    private Builder(Path bundle, BundleManifest manifest, Path out) {
      this.bundle = bundle;
      this.manifest = manifest;
      this.out = out;
      this.version = manifest.version();
    }

    /** Sets the registry version and the reference it was resolved from. */
    public Builder registry(String registryVersion, String registryReference) {
      this.version = registryVersion;
      this.reference = registryReference;
      return this;
    }

    /** Sets the image reference (default {@code kiln/NAME:VERSION}). */
    public Builder image(String imageReference) {
      this.image = imageReference;
      return this;
    }

    /** Sets the runnable kiln.jar and the optional jars that go beside it. */
    public Builder kilnJar(Path jar, List<Path> optionalJars) {
      this.kilnJar = jar;
      this.plugins = optionalJars;
      return this;
    }

    /** Sets the container port (default 8080). */
    public Builder port(int containerPort) {
      this.port = containerPort;
      return this;
    }

    /**
     * Makes the image fetch the model from a tracking server when it starts (default: the
     * bundle is baked in); the default image tag is then the alias (or version) it fetches.
     */
    public Builder fetchAtStart(FetchAtStart atStart) {
      this.fetch = atStart;
      return this;
    }

    /**
     * Returns the spec.
     *
     * @throws DeployException if the image is to fetch a model that is not a registry reference
     */
    public PackageSpec build() {
      if (fetch != null && reference == null) {
        throw new DeployException("An image that fetches its model at start needs a registered"
            + " model (NAME@alias), not the bundle folder '" + bundle + "'.",
            "register it (kiln models register) and package NAME@alias");
      }
      String tag = (fetch == null ? version : fetchedTag(reference))
          .replaceAll("[^A-Za-z0-9_.-]", "-");
      String name = manifest.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-");
      String ref = image != null ? image : "kiln/" + name + ":" + tag;
      Path jar = kilnJar != null && Files.isRegularFile(kilnJar) ? kilnJar : null;
      return new PackageSpec(bundle, manifest, version, reference, out, ref, jar, port, plugins,
          fetch);
    }

    private static String fetchedTag(String reference) {
      int at = reference.indexOf('@');
      int colon = reference.lastIndexOf(':');
      return at > 0 ? reference.substring(at + 1) : colon > 0 ? reference.substring(colon + 1)
          : "latest";
    }
  }
}
