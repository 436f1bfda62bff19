package dev.kiln.deploy.image;

import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Port;
import dev.kiln.deploy.DeployException;
import dev.kiln.deploy.PackageSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Builds an OCI image tarball in-process with Jib, from scratch: the host's shared libraries,
 * a jlink runtime, kiln.jar (and optional jars), the native libraries unpacked and the bundle (unless the image fetches it from
 * a tracking server at start), run as a non-root user with entrypoint {@code kiln serve}. No Docker daemon and no base image are involved.
 */
public final class ContainerImage {
  private ContainerImage() {}

  /**
   * What was built.
   *
   * @param tarball the OCI image tarball ({@code podman load -i} / {@code docker load -i})
   * @param reference the image name and tag inside it
   * @param labels the image labels
   * @param pushedDigest the digest of the image pushed to its registry, or null when not pushed
   */
  public record Built(Path tarball, String reference, Map<String, String> labels,
      String pushedDigest) {
    /**
     * Returns the tarball's size in bytes.
     *
     * @throws UncheckedIOException if the tarball cannot be read
     */
    public long tarballBytes() {
      try {
        return Files.size(tarball);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * Builds the image of a spec into {@code spec.out()/image.tar}.
   *
   * @param cache where jlink runtimes are kept between builds
   * @param push where to push the image too, or null to write the tarball only
   * @throws DeployException if the spec has no kiln.jar, a tool is missing, or the push fails
   */
  public static Built build(PackageSpec spec, Path cache, RegistryPush push) throws IOException {
    if (spec.kilnJar() == null) {
      throw new DeployException("An image needs the runnable kiln.jar, and this kiln does not"
          + " run from one.", "run the packaged kiln (./kiln or java -jar kiln.jar), or pass"
          + " --kiln-jar PATH");
    }
    Path runtime = JavaRuntime.forJar(spec.kilnJar(), cache.resolve("runtimes"));
    List<Path> jars = new ArrayList<>(List.of(spec.kilnJar()));
    jars.addAll(spec.plugins());
    Map<String, String> labels = ImageLabels.of(spec);
    Files.createDirectories(spec.out());
    Path tarball = spec.out().resolve("image.tar");
    Path scratch = Files.createTempDirectory("kiln-image");
    try {
      Map<String, String> env = new java.util.TreeMap<>(Map.of("JAVA_HOME", ImageLayout.JAVA_HOME,
          "HOME", ImageLayout.HOME, "PATH", ImageLayout.JAVA_HOME + "/bin"));
      if (spec.fetch() != null) {
        env.put(ImageLayout.TRACKING_URI_ENV, spec.fetch().trackingUri());
      }
      JibContainerBuilder image = Jib.fromScratch()
          .setFormat(ImageFormat.OCI)
          .setCreationTime(created(spec))
          .addFileEntriesLayer(SystemFiles.layer(scratch, HostLibraries.of(runtime, jars)))
          .addFileEntriesLayer(tree("java runtime", runtime, ImageLayout.JAVA_HOME))
          .addFileEntriesLayer(kiln(spec))
          .setUser(ImageLayout.UID + ":" + ImageLayout.UID)
          .setWorkingDirectory(AbsoluteUnixPath.get(ImageLayout.HOME))
          .setEnvironment(env)
          .setEntrypoint(ServeCommandLine.entrypoint(spec))
          .setProgramArguments(ServeCommandLine.arguments(spec))
          .addExposedPort(Port.tcp(spec.port()))
          .setLabels(labels);
      Path natives = scratch.resolve("native");
      if (ImageNatives.unpack(spec.kilnJar(), natives)) {
        image.addFileEntriesLayer(tree("native libraries", natives, ImageLayout.NATIVE));
      }
      if (spec.fetch() == null) {
        image.addFileEntriesLayer(tree("model bundle", spec.bundle(), ImageLayout.MODEL));
      }
      image.containerize(cached(Containerizer.to(TarImage.at(tarball).named(spec.image())),
          scratch));
      String digest = push == null ? null : push(image, spec.image(), push, scratch);
      return new Built(tarball, spec.image(), labels, digest);
    } catch (InvalidImageReferenceException e) {
      throw new DeployException("Image name '" + spec.image() + "' is not valid.",
          "e.g. --image registry.example.com/team/fraud:3", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while building the image", e);
    } catch (RegistryException | CacheDirectoryCreationException | ExecutionException e) {
      throw new DeployException("Building the image failed: " + e.getMessage(),
          "rerun with --debug and report it", e);
    } finally {
      SystemFiles.deleteTree(scratch);
    }
  }

  private static Containerizer cached(Containerizer containerizer, Path scratch) {
    return containerizer.setToolName("kiln")
        .setApplicationLayersCache(scratch.resolve("cache"))
        .setBaseImageLayersCache(scratch.resolve("cache"));
  }

  /** Pushes the image (its layers are in the scratch cache already); returns its digest. */
  private static String push(JibContainerBuilder image, String name, RegistryPush push,
      Path scratch) throws IOException, InterruptedException, CacheDirectoryCreationException {
    ImageReference reference;
    try {
      reference = ImageReference.parse(name);
    } catch (InvalidImageReferenceException e) {
      throw new DeployException("Image name '" + name + "' is not valid.",
          "e.g. --image registry.example.com/team/fraud:3", e);
    }
    if (push.allowHttp()) {
      // Jib's only switch for sending credentials to a registry without TLS
      System.setProperty("sendCredentialsOverHttp", "true");
    }
    try {
      return image.containerize(cached(Containerizer.to(push.target(reference, System.getenv()))
          .setAllowInsecureRegistries(push.allowHttp()), scratch)).getDigest().toString();
    } catch (RegistryException | ExecutionException e) {
      Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
      throw new DeployException("Pushing image '" + name + "' to registry '"
          + reference.getRegistry() + "' failed: " + cause.getMessage(), (push.username() == null
          ? "sign in with 'podman login " + reference.getRegistry() + "', or set "
          + RegistryPush.USERNAME_ENV + " and " + RegistryPush.PASSWORD_ENV
          : "check " + RegistryPush.USERNAME_ENV + " and " + RegistryPush.PASSWORD_ENV)
          + (push.allowHttp() ? "" : "; a registry without TLS needs --insecure-registry"), e);
    }
  }

  private static Instant created(PackageSpec spec) {
    try {
      return Instant.parse(spec.manifest().createdAt());
    } catch (DateTimeParseException | NullPointerException e) {
      return Instant.EPOCH;
    }
  }

  private static FileEntriesLayer kiln(PackageSpec spec) {
    FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName("kiln")
        .addEntry(spec.kilnJar(), AbsoluteUnixPath.get(ImageLayout.KILN_JAR),
            FilePermissions.fromOctalString("644"));
    for (Path plugin : spec.plugins()) {
      layer.addEntry(plugin, AbsoluteUnixPath.get(ImageLayout.KILN_LIB)
          .resolve(plugin.getFileName().toString()), FilePermissions.fromOctalString("644"));
    }
    return layer.build();
  }

  private static FileEntriesLayer tree(String name, Path source, String target)
      throws IOException {
    return FileEntriesLayer.builder().setName(name).addEntryRecursive(source,
        AbsoluteUnixPath.get(target), (src, dest) -> Files.isDirectory(src)
            || Files.isExecutable(src) ? FilePermissions.fromOctalString("755")
            : FilePermissions.fromOctalString("644")).build();
  }
}
