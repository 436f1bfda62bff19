package dev.kiln.tracking.experiment;

import dev.kiln.tracking.ResourceAlreadyExistsException;
import dev.kiln.tracking.ResourceNotFoundException;
import dev.kiln.tracking.TrackingStore;
import java.util.Map;

/** Experiment look-ups shared by the writers of tracked runs, and MLflow's default experiment. */
public final class Experiments {
  /** The id of MLflow's default experiment, which every store has from the start. */
  public static final String DEFAULT_ID = "0";
  /** The name of MLflow's default experiment. */
  public static final String DEFAULT_NAME = "Default";

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
