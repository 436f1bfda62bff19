package dev.kiln.tracking.experiment;

import dev.kiln.tracking.InvalidParameterException;
import dev.kiln.tracking.Page;
import dev.kiln.tracking.ResourceAlreadyExistsException;
import dev.kiln.tracking.ResourceNotFoundException;
import dev.kiln.tracking.SearchRequest;
import dev.kiln.tracking.ViewType;
import java.util.Map;

/**
 * Stores experiments: named groups of runs, soft-deleted and restorable. Lookups of absent
 * experiments throw {@link ResourceNotFoundException}; a taken name throws
 * {@link ResourceAlreadyExistsException}.
 */
public interface ExperimentStore {
  /** Creates an experiment and returns it; throws if the name is taken. */
  Experiment createExperiment(String name, Map<String, String> tags);

  /** Returns the experiment with this id. */
  Experiment getExperiment(String id);

  /** Returns the experiment with this name. */
  Experiment getExperimentByName(String name);

  /**
   * Renames an experiment.
   *
   * @throws ResourceAlreadyExistsException if another experiment has {@code newName}
   * @throws InvalidParameterException if the experiment is deleted
   */
  void updateExperiment(String id, String newName);

  /** Soft-deletes an experiment; its runs stay readable. */
  void deleteExperiment(String id);

  /** Makes a soft-deleted experiment active again; restoring an active one does nothing. */
  void restoreExperiment(String id);

  /** Sets a tag of an experiment, overwriting an existing value. */
  void setExperimentTag(String id, String key, String value);

  /**
   * Removes a tag of an experiment.
   *
   * @throws ResourceNotFoundException if the experiment has no such tag
   */
  void deleteExperimentTag(String id, String key);

  /** Searches experiments by {@code name}, {@code creation_time} and {@code tags.*}. */
  Page<Experiment> searchExperiments(SearchRequest request, ViewType view);
}
