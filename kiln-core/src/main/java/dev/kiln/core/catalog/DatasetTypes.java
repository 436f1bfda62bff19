package dev.kiln.core.catalog;

import dev.kiln.core.pipeline.Names;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The dataset types available to a catalog: kiln-core's built-in ones and every {@link
 * DatasetType} found by {@link ServiceLoader} on the class loader; a catalog may also name a type
 * by the fully qualified name of its class.
 */
public final class DatasetTypes {
  private final Map<String, DatasetType> byName = new TreeMap<>();
  private final ClassLoader loader;

  private DatasetTypes(ClassLoader loader) {
    this.loader = loader;
    BuiltinDatasetTypes.all().forEach(t -> byName.put(t.name(), t));
    ServiceLoader.load(DatasetType.class, loader).forEach(t -> byName.put(t.name(), t));
  }

  /** Discovers the types visible to a class loader. */
  public static DatasetTypes discover(ClassLoader loader) {
    return new DatasetTypes(loader);
  }

  /** Returns the names of the registered types, sorted. */
  public java.util.Set<String> names() {
    return byName.keySet();
  }

  /**
   * Returns the type with a name, or the class with that fully qualified name.
   *
   * @throws DatasetException naming the entry, the unknown type and the closest known one
   */
  public DatasetType get(String typeName, String entry) {
    DatasetType type = byName.get(typeName);
    if (type != null) {
      return type;
    }
    if (typeName.contains(".")) {
      return instantiate(typeName, entry);
    }
    String hint = Names.closest(typeName, byName.keySet())
        .map(c -> "did you mean '" + c + "'? ").orElse("")
        + "known types are " + Names.quoted(byName.keySet())
        + "; types such as 'csv' and 'parquet' come with kiln-data";
    throw new DatasetException("Catalog entry '" + entry + "' has unknown type '" + typeName
        + "'.", hint);
  }

  private DatasetType instantiate(String className, String entry) {
    try {
      Class<?> cls = Class.forName(className, true, loader);
      if (!DatasetType.class.isAssignableFrom(cls)) {
        throw new DatasetException("Catalog entry '" + entry + "' names class '" + className
            + "', which does not implement " + DatasetType.class.getName() + ".", null);
      }
      return (DatasetType) cls.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new DatasetException("Catalog entry '" + entry + "' names type class '" + className
          + "', which cannot be loaded: " + e, "check the class name and that it has a public"
          + " no-argument constructor", e);
    }
  }
}
