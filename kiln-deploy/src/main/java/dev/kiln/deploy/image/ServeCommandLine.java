package dev.kiln.deploy.image;

import dev.kiln.core.natives.NativeLibraryCache;
import dev.kiln.deploy.FetchAtStart;
import dev.kiln.deploy.PackageSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line a Kiln image runs: {@code java -jar kiln.jar serve MODEL --host 0.0.0.0
 * --port P}.
 */
public final class ServeCommandLine {
  /** The interface a server in a container binds: all of them. */
  public static final String ALL_INTERFACES = "0.0.0.0";

  private ServeCommandLine() {}

  /**
   * Returns the entrypoint: the jlink runtime running kiln.jar's {@code serve} (or, for an image
   * that fetches its model at start, the launcher that fetches it and then serves it), with a
   * heap sized from the container's memory limit, an exit (so the orchestrator restarts it)
   * when memory runs out, and the native libraries unpacked in the image.
   */
  public static List<String> entrypoint(PackageSpec spec) {
    List<String> java = new ArrayList<>(List.of(ImageLayout.JAVA_HOME + "/bin/java",
        "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError",
        "-D" + NativeLibraryCache.DIR_PROPERTY + "=" + ImageLayout.NATIVE));
    java.addAll(spec.fetch() == null ? List.of("-jar", ImageLayout.KILN_JAR, "serve")
        : List.of("-cp", ImageLayout.KILN_JAR, spec.fetch().launcher()));
    return List.copyOf(java);
  }

  /**
   * Returns the model the server is started with: the baked-in bundle's folder, or the model
   * URI fetched at start ({@code models:/NAME@alias}).
   */
  public static String model(PackageSpec spec) {
    return spec.fetch() == null ? ImageLayout.MODEL : FetchAtStart.modelUri(spec.reference());
  }

  /**
   * Returns the default arguments (the image's CMD): the {@link #model}, every interface (the
   * server's default is loopback, which a container's port mapping cannot reach), the port, and
   * no reloading, since an image's files never change. Arguments given to {@code run} replace
   * these, so they must name {@code --host 0.0.0.0} again.
   */
  public static List<String> arguments(PackageSpec spec) {
    return List.of(model(spec), "--host", ALL_INTERFACES, "--port",
        Integer.toString(spec.port()), "--no-reload");
  }

  /**
   * Returns the health check command: the kiln command's {@code health} probe of the ready
   * endpoint, for runtimes that run one inside the container ({@code podman run --health-cmd}).
   */
  public static List<String> healthCheck(PackageSpec spec) {
    return List.of(ImageLayout.JAVA_HOME + "/bin/java", "-XX:TieredStopAtLevel=1", "-jar",
        ImageLayout.KILN_JAR, "health", "--url", "http://127.0.0.1:" + spec.port()
            + ImageLayout.READY_PATH);
  }
}
