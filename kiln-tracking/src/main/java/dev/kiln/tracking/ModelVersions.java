package dev.kiln.tracking;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.core.catalog.ContentHash;
import dev.kiln.tracking.experiment.Experiment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * Registers a model folder (a bundle) as a new version of a named model, and downloads a version
 * back. Folders are stored content-addressed under {@code models/<name>/<hash>/} so a version's
 * files never change once registered.
 */
public final class ModelVersions {
  private final TrackingStore store;
  private final ArtifactStore artifacts;

  /** Creates a registrar over a store and an artifact store. */
  public ModelVersions(TrackingStore store, ArtifactStore artifacts) {
    this.store = store;
    this.artifacts = artifacts;
  }

  /**
   * Uploads the folder's files and creates the next version of {@code name} (creating the
   * registered model on first use). The evaluation metrics of a Kiln bundle's manifest become
   * version tags {@code metric.<name>}, so versions can be compared without downloading them.
   *
   * @param runId the run that produced the folder, or null
   * @throws TrackingException if the folder cannot be read or the store refuses
   */
  public ModelVersion register(String name, Path folder, String runId, Map<String, String> tags) {
    try {
      List<Path> files;
      try (Stream<Path> list = Files.list(folder)) {
        files = list.filter(Files::isRegularFile).sorted().toList();
      }
      String source = "models/" + name + "/" + ContentHash.of(folder).substring(0, 16);
      for (Path f : files) {
        try (InputStream in = Files.newInputStream(f)) {
          artifacts.put(source + "/" + f.getFileName(), in);
        }
      }
      ensureModel(name);
      return store.createModelVersion(name, source, runId, withMetrics(folder, tags));
    } catch (IOException e) {
      throw new TrackingException("INVALID_PARAMETER_VALUE", "Cannot read model folder '"
          + folder + "': " + e.getMessage(), "pass the bundle folder written by a run", e);
    }
  }

  /**
   * Resolves {@code name@alias}, {@code name:version} or {@code name} (latest version).
   *
   * @throws ResourceNotFoundException if the model, alias or version does not exist
   */
  public ModelVersion resolve(String reference) {
    int at = reference.indexOf('@');
    int colon = reference.lastIndexOf(':');
    if (at > 0) {
      return store.getModelVersionByAlias(reference.substring(0, at), reference.substring(at + 1));
    }
    if (colon > 0) {
      return store.getModelVersion(reference.substring(0, colon),
          Long.parseLong(reference.substring(colon + 1)));
    }
    List<ModelVersion> versions = store.searchModelVersions(reference);
    return versions.stream().max(java.util.Comparator.comparingLong(ModelVersion::version))
        .orElseThrow(() -> new ResourceNotFoundException("Model '" + reference
            + "' has no versions.", "register one with 'kiln models register'"));
  }

  /**
   * Finds the tracked run that wrote a bundle folder: the run tagged {@code kiln.run_id} with the
   * {@code run_id} the {@code bundle} node records in the manifest's lineage, else the newest run
   * that recorded a dataset with the folder's content hash (a bundle written by a Java node).
   *
   * @return the tracked run's id; empty when no tracked run in this store wrote the folder as it
   *     is now (a bundle copied from another project, or changed since)
   * @throws TrackingException if the folder cannot be read
   */
  public Optional<String> producingRun(Path folder) {
    List<String> experiments = store.searchExperiments(SearchRequest.of(""), ViewType.ALL)
        .items().stream().map(Experiment::id).toList();
    if (experiments.isEmpty()) {
      return Optional.empty();
    }
    try {
      Path manifest = folder.resolve("bundle.json");
      String localId = Files.isRegularFile(manifest) ? new ObjectMapper()
          .readTree(manifest.toFile()).path("lineage").path("run_id").asText("") : "";
      if (!localId.isEmpty() && !localId.contains("'")) {
        Optional<String> tagged = store.searchRuns(experiments, SearchRequest.of(
            "tags.`kiln.run_id` = '" + localId + "'"), ViewType.ALL).items().stream()
            .map(Run::id).findFirst();
        if (tagged.isPresent()) {
          return tagged;
        }
      }
      String hash = ContentHash.of(folder);
      return store.searchRuns(experiments, new SearchRequest("", 1000,
          List.of(), null), ViewType.ALL).items().stream()
          .filter(r -> r.inputs().stream().anyMatch(d -> hash.equals(d.contentHash())))
          .map(Run::id).findFirst();
    } catch (IOException e) {
      throw new TrackingException("INVALID_PARAMETER_VALUE", "Cannot read model folder '"
          + folder + "': " + e.getMessage(), "pass the bundle folder written by a run", e);
    }
  }

  private static Map<String, String> withMetrics(Path folder, Map<String, String> tags)
      throws IOException {
    Path manifest = folder.resolve("bundle.json");
    if (!Files.isRegularFile(manifest)) {
      return tags;
    }
    Map<String, String> all = new LinkedHashMap<>();
    new ObjectMapper().readTree(manifest.toFile()).path("metrics").fields()
        .forEachRemaining(e -> all.put("metric." + e.getKey(), e.getValue().asText()));
    all.putAll(tags);
    return all;
  }

  /** Copies a version's files into a new folder. */
  public Path download(ModelVersion version, Path folder) {
    try {
      Files.createDirectories(folder);
      for (ArtifactInfo info : artifacts.list(version.source())) {
        if (info.directory()) {
          continue;
        }
        String fileName = Path.of(info.path()).getFileName().toString();
        try (InputStream in = artifacts.get(version.source() + "/" + fileName)) {
          Files.copy(in, folder.resolve(fileName));
        }
      }
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A version's files copied into a temporary folder; {@link #close()} deletes the folder.
   *
   * @param bundle the folder holding the version's files
   * @param scratch the temporary folder around it, deleted on close
   */
  public record Download(Path bundle, Path scratch) implements AutoCloseable {
    /**
     * Copies a version's files into a new temporary folder with {@code copier} (this registry's
     * {@link ModelVersions#download} or a remote registry's), to load them and then close.
     *
     * @param parent where the temporary folder goes (created if missing), or null for the
     *     system's temporary folder
     * @param copier copies the version's files into the folder it is given
     * @throws UncheckedIOException if the files cannot be copied; nothing is left behind then
     */
    public static Download temporary(ModelVersion version, Path parent,
        BiConsumer<ModelVersion, Path> copier) {
      Path scratch;
      try {
        String prefix = "kiln-" + version.name() + "-v" + version.version() + "-";
        scratch = parent == null ? Files.createTempDirectory(prefix)
            : Files.createTempDirectory(Files.createDirectories(parent), prefix);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Download download = new Download(scratch.resolve("bundle"), scratch);
      try {
        copier.accept(version, download.bundle());
        return download;
      } catch (RuntimeException e) {
        download.close();
        throw e;
      }
    }

    /** Deletes the temporary folder; what cannot be deleted is left for the next cleanup. */
    @Override
    public void close() {
      try (Stream<Path> walk = Files.walk(scratch)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      } catch (IOException e) {
        // A stale download is harmless: it is never read again.
      }
    }
  }

  /**
   * Copies a version's files into a new temporary folder, to load them and then close.
   *
   * @param parent where the temporary folder goes (created if missing), or null for the
   *     system's temporary folder
   * @throws UncheckedIOException if the files cannot be copied; nothing is left behind then
   */
  public Download downloadTemporary(ModelVersion version, Path parent) {
    return Download.temporary(version, parent, this::download);
  }

  private void ensureModel(String name) {
    try {
      store.getRegisteredModel(name);
    } catch (ResourceNotFoundException e) {
      try {
        store.createRegisteredModel(name, null, Map.of());
      } catch (ResourceAlreadyExistsException raced) {
        // created concurrently: fine
      }
    }
  }
}
