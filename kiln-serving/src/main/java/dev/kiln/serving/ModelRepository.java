package dev.kiln.serving;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The models a server serves, by name, and one input reader per loaded version. */
public final class ModelRepository implements AutoCloseable {
  private final Map<String, ModelSlot> slots = new LinkedHashMap<>();
  private final Map<ServedModel, TabularInputs> readers = new ConcurrentHashMap<>();
  private final int maxRows;

  /** Creates an empty repository whose readers refuse requests over {@code maxRows} rows. */
  public ModelRepository(int maxRows) {
    this.maxRows = maxRows;
  }

  /**
   * Adds a model.
   *
   * @throws IllegalArgumentException if a model of the same name is already served
   */
  public void add(ModelSlot slot) {
    if (slots.putIfAbsent(slot.name(), slot) != null) {
      throw new IllegalArgumentException("Model '" + slot.name() + "' is given twice.");
    }
  }

  /** Returns the served models, in the order they were added. */
  public Collection<ModelSlot> slots() {
    return slots.values();
  }

  /**
   * Returns a model by name.
   *
   * @throws ClientError 404 naming the models served
   */
  public ModelSlot slot(String name) {
    ModelSlot slot = slots.get(name);
    if (slot == null) {
      throw ClientError.notFound("No model named " + ClientError.quote(name) + "; this server"
          + " serves "
          + slots.keySet() + ".");
    }
    return slot;
  }

  /** Returns the input reader of a loaded version. */
  TabularInputs inputs(ServedModel model) {
    TabularInputs reader = readers.get(model);
    if (reader == null) {
      readers.keySet().removeIf(m -> slots.values().stream().noneMatch(s ->
          s.deployment().primary() == m || s.deployment().challenger() == m));
      reader = readers.computeIfAbsent(model,
          m -> new TabularInputs(m.bundle().manifest().inputs(), maxRows));
    }
    return reader;
  }

  /** Checks every model's sources and swaps in changed versions. */
  public void refresh() {
    slots.values().forEach(ModelSlot::refresh);
  }

  /** Closes every model. */
  @Override
  public void close() {
    slots.values().forEach(ModelSlot::close);
  }
}
