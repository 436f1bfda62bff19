package dev.kiln.tracking;

import dev.kiln.tracking.experiment.ExperimentStore;
import dev.kiln.tracking.registry.ModelVersionStore;
import dev.kiln.tracking.registry.RegistryStore;
import java.util.List;

/**
 * Stores experiments, runs and the model registry. Implementations are thread-safe; every
 * multi-row change is atomic. Reads report a {@link RunStatus#RUNNING} run whose owner process
 * died as {@link RunStatus#KILLED} (and persist that).
 *
 * <p>Lookups of absent resources throw {@link ResourceNotFoundException}; duplicate names throw
 * {@link ResourceAlreadyExistsException}; broken rules throw {@link InvalidParameterException}.
 */
public interface TrackingStore extends AutoCloseable, ExperimentStore, RegistryStore,
    ModelVersionStore {
  /**
   * Starts a run owned by this process (pid and host recorded, heartbeat kept until it ends).
   *
   * @return the new run, {@link RunStatus#RUNNING}
   */
  Run createRun(CreateRunRequest request);

  /**
   * Starts a run now, by an unknown user; see {@link #createRun(CreateRunRequest)}.
   *
   * @param experimentId the experiment to record under
   * @param name the display name, or null for a generated one
   * @param tags initial tags
   * @return the new run, {@link RunStatus#RUNNING}
   */
  default Run createRun(String experimentId, String name, java.util.Map<String, String> tags) {
    return createRun(CreateRunRequest.of(experimentId, name, tags));
  }

  /** Returns the run with this id, with latest metrics, params, tags and inputs. */
  Run getRun(String runId);

  /** Ends a run with a terminal status at {@code endTime} (epoch ms); throws if already ended. */
  Run updateRun(String runId, RunStatus status, long endTime);

  /**
   * Renames a run; its {@code mlflow.runName} tag follows (setting that tag renames it too).
   *
   * @throws InvalidParameterException if the run is deleted or the name is empty
   */
  Run renameRun(String runId, String name);

  /** Soft-deletes a run: searches leave it out unless asked, logging to it is refused. */
  void deleteRun(String runId);

  /** Makes a soft-deleted run active again; restoring an active run does nothing. */
  void restoreRun(String runId);

  /**
   * Searches runs of the given experiments.
   *
   * @param experimentIds the experiments to search, at least one
   * @param request the filter over metrics, params, tags and attributes, order and page
   * @param view whether to return active runs, deleted runs or both
   * @return one page of runs
   */
  Page<Run> searchRuns(List<String> experimentIds, SearchRequest request, ViewType view);

  /**
   * Logs metrics, params and tags in one transaction (see {@link LogBatch}).
   *
   * @throws InvalidParameterException if the run is deleted
   */
  void logBatch(String runId, LogBatch batch);

  /**
   * Removes a tag of a run.
   *
   * @throws ResourceNotFoundException if the run has no such tag
   */
  void deleteRunTag(String runId, String key);

  /** Records datasets a run read or wrote. */
  void logInputs(String runId, List<DatasetInput> inputs);

  /** Returns every value logged for one metric, ordered by step then timestamp. */
  List<Metric> getMetricHistory(String runId, String key);

  /** Releases connections and stops heartbeats; runs still owned stay RUNNING until stale. */
  @Override
  void close();
}
