package dev.kiln.core.catalog;

import java.util.concurrent.atomic.AtomicReference;

/** Holds a value in memory for the duration of a run; the default for undeclared datasets. */
final class MemoryDataset implements Dataset<Object> {
  private static final Object EMPTY = new Object();
  private final String name;
  private final AtomicReference<Object> value = new AtomicReference<>(EMPTY);

  MemoryDataset(String name) {
    this.name = name;
  }

  @Override
  public Class<?> valueType() {
    return Object.class;
  }

  @Override
  public Object load() {
    Object v = value.get();
    if (v == EMPTY) {
      throw new DatasetException("Memory dataset '" + name + "' has no value: the node producing"
          + " it has not run in this run.", "run the producing node too, or declare '" + name
          + "' in catalog.yml so it is persisted between runs");
    }
    return v;
  }

  @Override
  public void save(Object v) {
    value.set(v);
  }

  @Override
  public boolean exists() {
    return value.get() != EMPTY;
  }

  /** Drops the value so it can be garbage collected. */
  void release() {
    value.set(EMPTY);
  }
}
