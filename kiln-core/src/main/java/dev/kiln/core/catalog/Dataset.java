package dev.kiln.core.catalog;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Loads and saves one named value of a pipeline: a file, a table, an in-memory object.
 *
 * <p>Implementations are created by a {@link DatasetType} from a catalog entry. They must be safe
 * to call from several threads for different datasets, and should write atomically (write to a
 * temporary file, then move it into place) so a crash never leaves a half-written output.
 *
 * @param <T> the type of the value this dataset holds
 */
public interface Dataset<T> {

  /** Returns the Java type of the loaded value; used to check it against the nodes' inputs. */
  Class<?> valueType();

  /**
   * Loads the value.
   *
   * @throws DatasetException if the data is missing or cannot be read, naming the location
   */
  T load();

  /**
   * Saves the value, replacing what was there.
   *
   * @throws DatasetException if the value cannot be written, naming the location
   */
  void save(T value);

  /** Returns whether there is something to load. */
  boolean exists();

  /**
   * Returns the file or directory holding the data, when it is one; the catalog hashes it for
   * caching and lineage. Datasets without a local location return empty.
   */
  default Optional<Path> location() {
    return Optional.empty();
  }
}
