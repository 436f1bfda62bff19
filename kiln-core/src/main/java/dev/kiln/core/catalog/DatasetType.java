package dev.kiln.core.catalog;

/**
 * A kind of dataset that can be declared in {@code catalog.yml} with {@code type: <name>}.
 *
 * <p>This is Kiln's extension point for storage formats: implementations are found with {@link
 * java.util.ServiceLoader}, so a module or a user's project registers its own types by listing
 * them in {@code META-INF/services/dev.kiln.core.catalog.DatasetType}.
 */
public interface DatasetType {

  /** Returns the name used in {@code catalog.yml}, for example {@code text} or {@code csv}. */
  String name();

  /**
   * Creates a dataset from a catalog entry.
   *
   * @throws DatasetException if an option is missing or invalid, naming the entry and the option
   */
  Dataset<?> create(DatasetSpec spec);
}
