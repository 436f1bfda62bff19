package dev.kiln.deploy.image;

/** Where things live inside a Kiln image; one place, so manifests and docs agree. */
public final class ImageLayout {
  /** The Java runtime made by jlink. */
  public static final String JAVA_HOME = "/opt/kiln/jre";
  /** The runnable kiln.jar. */
  public static final String KILN_JAR = "/opt/kiln/kiln.jar";
  /** Optional jars beside kiln.jar (ONNX, S3, PostgreSQL). */
  public static final String KILN_LIB = "/opt/kiln/lib";
  /**
   * The native libraries unpacked when the image is built, laid out as Kiln's native cache (the
   * server's {@code -Dkiln.native.dir}).
   */
  public static final String NATIVE = "/opt/kiln/native";
  /** The baked-in model bundle. */
  public static final String MODEL = "/opt/kiln/model";
  /** The variable naming the tracking server an image that fetches its model reads it from. */
  public static final String TRACKING_URI_ENV = "KILN_TRACKING_URI";
  /** The non-root user's home and working folder; the prediction log goes below it. */
  public static final String HOME = "/home/kiln";
  /** The non-root user and group id the server runs as. */
  public static final int UID = 10001;
  /** The ready probe every server answers. */
  public static final String READY_PATH = "/v2/health/ready";
  /** The liveness probe every server answers. */
  public static final String LIVE_PATH = "/v2/health/live";

  private ImageLayout() {}
}
