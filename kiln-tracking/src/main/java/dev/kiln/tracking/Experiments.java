package dev.kiln.tracking;

import java.util.Map;

/** Experiment look-ups shared by the writers of tracked runs. */
public final class Experiments {
  private Experiments() {}

  /** Returns the id of the experiment with this name, creating it (once, even when raced). */
  public static String idOf(TrackingStore store, String name) {
    try {
      return store.getExperimentByName(name).id();
    } catch (ResourceNotFoundException e) {
      try {
        return store.createExperiment(name, Map.of()).id();
      } catch (ResourceAlreadyExistsException raced) {
        return store.getExperimentByName(name).id();
      }
    }
  }
}
