package dev.kiln.cli;

import dev.kiln.core.KilnException;
import dev.kiln.core.catalog.DataCatalog;
import dev.kiln.core.catalog.Dataset;
import dev.kiln.core.pipeline.Names;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The project's catalog as {@code kiln shell} shows it: load, save and list datasets by name. */
public final class ShellCatalog {
  private final DataCatalog catalog;

  ShellCatalog(DataCatalog catalog) {
    this.catalog = catalog;
  }

  /**
   * Loads a dataset (or {@code params:key}), e.g. {@code Frame f = catalog.load("features")}.
   *
   * @throws KilnException if the catalog declares no such dataset, with the closest name
   */
  @SuppressWarnings("unchecked")
  public <T> T load(String name) {
    return (T) declared(name).load();
  }

  /**
   * Saves a value to a declared dataset, as a node's output would be saved.
   *
   * @throws KilnException if the catalog declares no such dataset
   */
  @SuppressWarnings("unchecked")
  public void save(String name, Object value) {
    ((Dataset<Object>) declared(name)).save(value);
  }

  /** Returns whether a declared dataset exists (e.g. its file was written). */
  public boolean exists(String name) {
    return declared(name).exists();
  }

  /** Returns the names of the explicitly declared datasets, sorted. */
  public List<String> list() {
    return List.copyOf(new TreeSet<>(catalog.entries().keySet()));
  }

  /** Returns the catalog as a table: name, type and file. */
  @Override
  public String toString() {
    Map<String, String> described = catalog.describe();
    int width = described.keySet().stream().mapToInt(String::length).max().orElse(4);
    StringBuilder out = new StringBuilder();
    new TreeSet<>(described.keySet()).forEach(name -> out.append(String.format("%-" + width
        + "s  %s%n", name, described.get(name))));
    return out.toString();
  }

  private Dataset<?> declared(String name) {
    if (!catalog.isDeclared(name)) {
      throw new KilnException("Dataset '" + name + "' is not in the catalog.",
          Names.closest(name, catalog.entries().keySet()).map(c -> "did you mean '" + c + "'? ")
              .orElse("") + "catalog.list() names them");
    }
    return catalog.dataset(name);
  }
}
