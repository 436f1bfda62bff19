package dev.kiln.core.catalog;

/** A read-only parameter value from {@code parameters.yml}. */
final class ParameterDataset implements Dataset<Object> {
  private final String name;
  private final Object value;

  ParameterDataset(String name, Object value) {
    this.name = name;
    this.value = value;
  }

  @Override
  public Class<?> valueType() {
    return value == null ? Object.class : value.getClass();
  }

  @Override
  public Object load() {
    return value;
  }

  @Override
  public void save(Object v) {
    throw new DatasetException("Parameter '" + name + "' is read-only.",
        "write the value to a dataset instead");
  }

  @Override
  public boolean exists() {
    return true;
  }
}
