package dev.kiln.tracking.remote;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.catalog.ContentHash;
import dev.kiln.tracking.InvalidParameterException;
import dev.kiln.tracking.ModelVersion;
import dev.kiln.tracking.ResourceNotFoundException;
import dev.kiln.tracking.TrackingException;
import dev.kiln.tracking.registry.ModelStage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The model registry of a remote tracking server, read over MLflow's REST API: resolves a
 * reference to a version and downloads its files through the server's artifact proxy
 * ({@code mlflow-artifacts:/}), checking each file's size and, for versions Kiln registered, the
 * content hash their location is named by.
 *
 * <pre>{@code
 * RemoteRegistry registry = RemoteRegistry.connect(
 *     RemoteTracking.fromEnvironment(System.getenv(), null), Duration.ofSeconds(60));
 * ModelVersion champion = registry.resolve("fraud@champion");
 * registry.download(champion, Path.of("model"));
 * }</pre>
 */
public final class RemoteRegistry {
  private static final String API = "/api/2.0/mlflow/";
  private static final String PROXY_API = "/api/2.0/mlflow-artifacts/artifacts";
  private static final String PROXY = "mlflow-artifacts:/";
  /** Where {@code ModelVersions.register} stores a folder: models/NAME/HASH16. */
  private static final Pattern KILN_SOURCE = Pattern.compile("models/[^/]+/([0-9a-f]{16})");

  private final RestCalls rest;

  private RemoteRegistry(RestCalls rest) {
    this.rest = rest;
  }

  /**
   * Returns the registry of a server; nothing is sent yet.
   *
   * @param wait how long calls keep retrying while the server cannot be reached (zero: once)
   */
  public static RemoteRegistry connect(RemoteTracking server, Duration wait) {
    return new RemoteRegistry(new RestCalls(server, wait));
  }

  /**
   * Turns MLflow's model URI into Kiln's reference: {@code models:/NAME@alias} into {@code
   * NAME@alias}, {@code models:/NAME/3} into {@code NAME:3}, {@code models:/NAME} into {@code
   * NAME}; other text is returned as it is.
   */
  public static String reference(String modelUri) {
    if (!modelUri.startsWith("models:/")) {
      return modelUri;
    }
    String rest = modelUri.substring("models:/".length());
    int slash = rest.indexOf('/');
    return slash < 0 ? rest : rest.substring(0, slash) + ":" + rest.substring(slash + 1);
  }

  /**
   * Resolves {@code NAME@alias}, {@code NAME:version} or {@code NAME} (its latest version).
   *
   * @throws ResourceNotFoundException if the server has no such model, alias or version
   * @throws TrackingException if the server cannot be reached or refuses the credentials
   */
  public ModelVersion resolve(String reference) {
    int at = reference.indexOf('@');
    int colon = reference.lastIndexOf(':');
    if (at > 0) {
      return version(rest.json(API + "registered-models/alias", Map.of("name",
          reference.substring(0, at), "alias", reference.substring(at + 1))).path("model_version"));
    }
    if (colon > 0) {
      String number = reference.substring(colon + 1);
      if (!number.matches("[0-9]+")) {
        throw new InvalidParameterException("Model version '" + number + "' in '" + reference
            + "' is not a number.", "use NAME@alias, NAME:VERSION or NAME");
      }
      return version(rest.json(API + "model-versions/get", Map.of("name",
          reference.substring(0, colon), "version", number)).path("model_version"));
    }
    List<ModelVersion> all = new ArrayList<>();
    rest.json(API + "model-versions/search", Map.of("filter", "name='"
        + reference.replace("'", "\\'") + "'", "max_results", "1000")).path("model_versions")
        .forEach(v -> all.add(version(v)));
    return all.stream().max(Comparator.comparingLong(ModelVersion::version))
        .orElseThrow(() -> new ResourceNotFoundException("Model '" + reference + "' has no"
            + " versions on the tracking server.", "register one there (kiln models register)"));
  }

  /**
   * Downloads a version's files into {@code folder} (created if missing), each written whole or
   * not at all.
   *
   * @return the folder
   * @throws TrackingException if the version is not stored behind the server's artifact proxy,
   *     a file's size differs from the listing, or the files do not hash to the version's
   *     recorded content hash
   */
  public Path download(ModelVersion version, Path folder) {
    String uri = rest.json(API + "model-versions/get-download-uri", Map.of("name",
        version.name(), "version", Long.toString(version.version()))).path("artifact_uri")
        .asText(version.source());
    if (!uri.startsWith(PROXY)) {
      throw new TrackingException("INVALID_PARAMETER_VALUE", "Model '" + version.name()
          + "' version " + version.version() + " is stored at '" + uri + "', which Kiln cannot"
          + " fetch through the tracking server.", "serve the registry with 'kiln tracking"
          + " serve' (or MLflow with --serve-artifacts) so versions are behind its artifact"
          + " proxy (mlflow-artifacts:/)", null);
    }
    String dir = uri.substring(PROXY.length()).replaceAll("^/+|/+$", "");
    try {
      Files.createDirectories(folder);
      for (JsonNode file : rest.json(PROXY_API, Map.of("path", dir)).path("files")) {
        if (!file.path("is_dir").asBoolean()) {
          fetch(dir, file.path("path").asText(), file.path("file_size").asLong(-1), folder);
        }
      }
      checkContentHash(version, folder);
      return folder;
    } catch (IOException e) {
      throw new TrackingException("INTERNAL_ERROR", "Cannot write the model into '" + folder
          + "': " + e.getMessage(), "check the folder is writable and the disk has room", e);
    }
  }

  private void fetch(String dir, String listed, long size, Path folder) throws IOException {
    String name = listed.substring(listed.lastIndexOf('/') + 1);
    if (name.isEmpty() || name.equals("..") || name.equals(".")) {
      throw new TrackingException("INVALID_PARAMETER_VALUE", "The tracking server listed an"
          + " artifact named '" + listed + "' under '" + dir + "'.", null, null);
    }
    Path target = folder.resolve(name);
    Path part = Files.createTempFile(folder, "." + name, ".part");
    try (InputStream in = rest.open(PROXY_API + "/" + dir + "/" + name, Map.of())) {
      long got = Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
      if (size >= 0 && got != size) {
        throw new TrackingException("DATA_LOSS", "Artifact '" + dir + "/" + name + "' came"
            + " with " + got + " bytes, but the tracking server lists " + size + ".",
            "retry; if it persists, the server's artifact store is being changed", null);
      }
      Files.move(part, target, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(part);
    }
  }

  /** Kiln stores a version under the first 16 hex digits of its folder's content hash. */
  private static void checkContentHash(ModelVersion version, Path folder) throws IOException {
    Matcher m = KILN_SOURCE.matcher(version.source());
    if (!m.matches()) {
      return;
    }
    String hash = ContentHash.of(folder);
    if (!hash.startsWith(m.group(1))) {
      throw new TrackingException("DATA_LOSS", "The files of model '" + version.name()
          + "' version " + version.version() + " hash to " + hash.substring(0, 16) + ", but the"
          + " version was registered with content hash " + m.group(1) + ".", "the files in the"
          + " server's artifact store changed after registration: register the bundle again",
          null);
    }
  }

  private static ModelVersion version(JsonNode v) {
    Map<String, String> tags = new LinkedHashMap<>();
    v.path("tags").forEach(t -> tags.put(t.path("key").asText(), t.path("value").asText()));
    List<String> aliases = new ArrayList<>();
    v.path("aliases").forEach(a -> aliases.add(a.asText()));
    String stage = v.path("current_stage").asText("None");
    return new ModelVersion(v.path("name").asText(), v.path("version").asLong(),
        v.path("source").asText(), v.hasNonNull("run_id") ? v.path("run_id").asText() : null,
        v.path("description").asText(null), v.path("status").asText("READY"),
        ModelStage.parse(stage), v.path("creation_timestamp").asLong(),
        v.path("last_updated_timestamp").asLong(), tags, aliases);
  }
}
