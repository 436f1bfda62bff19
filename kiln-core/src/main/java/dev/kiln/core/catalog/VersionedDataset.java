package dev.kiln.core.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A dataset whose every save is kept: {@code filepath/<version>/<file name>}, versions being UTC
 * timestamps that sort in time order. Loads the pinned version, or else the latest.
 */
final class VersionedDataset implements Dataset<Object> {
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH.mm.ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final DatasetType type;
  private final DatasetSpec spec;
  private final Path root;
  private final String loadVersion;
  private final String saveVersion;

  VersionedDataset(DatasetType type, DatasetSpec spec, String loadVersion, String saveVersion) {
    this.type = type;
    this.spec = spec;
    this.root = spec.filepath();
    this.loadVersion = loadVersion;
    this.saveVersion = saveVersion;
  }

  /** Formats an instant as a version string. */
  static String versionOf(Instant instant) {
    return FORMAT.format(instant);
  }

  @Override
  public Class<?> valueType() {
    return delegate(saveVersion).valueType();
  }

  @Override
  public Object load() {
    String version = Optional.ofNullable(loadVersion).or(this::latest).orElseThrow(() ->
        new DatasetException("Versioned dataset '" + spec.name() + "' has no version under '"
            + root + "'.", "run the node that produces it first"));
    if (!Files.exists(fileOf(version))) {
      throw new DatasetException("Version '" + version + "' of dataset '" + spec.name()
          + "' does not exist at '" + fileOf(version) + "'.", "list the versions in '" + root + "'");
    }
    return delegate(version).load();
  }

  @Override
  @SuppressWarnings("unchecked")
  public void save(Object value) {
    if (Files.exists(fileOf(saveVersion))) {
      throw new DatasetException("Version '" + saveVersion + "' of dataset '" + spec.name()
          + "' already exists; versions are never overwritten.", "start a new run");
    }
    ((Dataset<Object>) delegate(saveVersion)).save(value);
  }

  @Override
  public boolean exists() {
    return loadVersion != null ? Files.exists(fileOf(loadVersion)) : latest().isPresent();
  }

  @Override
  public Optional<Path> location() {
    return Optional.ofNullable(loadVersion).or(this::latest).map(this::fileOf);
  }

  /** Returns the latest version that has the file, if any. */
  Optional<String> latest() {
    if (!Files.isDirectory(root)) {
      return Optional.empty();
    }
    try (Stream<Path> s = Files.list(root)) {
      return s.filter(p -> Files.exists(p.resolve(root.getFileName())))
          .map(p -> p.getFileName().toString()).max(Comparator.naturalOrder());
    } catch (IOException e) {
      throw new DatasetException("Cannot list versions of '" + spec.name() + "' in '" + root
          + "': " + e.getMessage(), null, e);
    }
  }

  private Path fileOf(String version) {
    return root.resolve(version).resolve(root.getFileName());
  }

  private Dataset<?> delegate(String version) {
    return type.create(spec.withFilepath(fileOf(version)));
  }
}
