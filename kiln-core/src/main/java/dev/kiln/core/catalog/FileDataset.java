package dev.kiln.core.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A dataset stored in one file through a {@link FileCodec}; writes are atomic.
 *
 * @param <T> the value type
 */
public final class FileDataset<T> implements Dataset<T> {
  private final String name;
  private final Path path;
  private final FileCodec<T> codec;

  /** Creates a dataset for a file. */
  public FileDataset(String name, Path path, FileCodec<T> codec) {
    this.name = name;
    this.path = path;
    this.codec = codec;
  }

  @Override
  public Class<?> valueType() {
    return codec.valueType();
  }

  @Override
  public T load() {
    try {
      return codec.decode(Files.readAllBytes(path));
    } catch (NoSuchFileException e) {
      throw new DatasetException("Dataset '" + name + "' file '" + path + "' does not exist.",
          "create it, fix 'filepath' in catalog.yml, or run the node that produces it");
    } catch (IOException | RuntimeException e) {
      throw new DatasetException("Cannot load dataset '" + name + "' from '" + path + "': "
          + e.getMessage(), "check that the file is valid " + codec.formatName(), e);
    }
  }

  @Override
  public void save(T value) {
    if (value == null) {
      throw new DatasetException("Saving null to dataset '" + name + "' is not allowed.",
          "make the node return a value");
    }
    try {
      AtomicFiles.write(path, codec.encode(value));
    } catch (IOException | RuntimeException e) {
      throw new DatasetException("Cannot save dataset '" + name + "' to '" + path + "': "
          + e.getMessage(), "check the folder is writable and the value is " + codec.formatName(),
          e);
    }
  }

  @Override
  public boolean exists() {
    return Files.isRegularFile(path);
  }

  @Override
  public Optional<Path> location() {
    return Optional.of(path);
  }
}
