package dev.kiln.tracking;

import java.util.List;
import java.util.Map;

/**
 * Stores experiments, runs and the model registry. Implementations are thread-safe; every
 * multi-row change is atomic. Reads report a {@link RunStatus#RUNNING} run whose owner process
 * died as {@link RunStatus#KILLED} (and persist that).
 *
 * <p>Lookups of absent resources throw {@link ResourceNotFoundException}; duplicate names throw
 * {@link ResourceAlreadyExistsException}; broken rules throw {@link InvalidParameterException}.
 */
public interface TrackingStore extends AutoCloseable, RegistryStore {
  /** Creates an experiment and returns it; throws if the name is taken. */
  Experiment createExperiment(String name, Map<String, String> tags);

  /** Returns the experiment with this id. */
  Experiment getExperiment(String id);

  /** Returns the experiment with this name. */
  Experiment getExperimentByName(String name);

  /** Soft-deletes an experiment; its runs stay readable. */
  void deleteExperiment(String id);

  /** Searches experiments by {@code name}, {@code creation_time} and {@code tags.*}. */
  Page<Experiment> searchExperiments(SearchRequest request);

  /**
   * Starts a run owned by this process (pid and host recorded, heartbeat kept until it ends).
   *
   * @param experimentId the experiment to record under
   * @param name the display name, or null for a generated one
   * @param tags initial tags
   * @return the new run, {@link RunStatus#RUNNING}
   */
  Run createRun(String experimentId, String name, Map<String, String> tags);

  /** Returns the run with this id, with latest metrics, params, tags and inputs. */
  Run getRun(String runId);

  /** Ends a run with a terminal status at {@code endTime} (epoch ms); throws if already ended. */
  Run updateRun(String runId, RunStatus status, long endTime);

  /** Deletes a run and everything logged to it. */
  void deleteRun(String runId);

  /**
   * Searches runs of the given experiments.
   *
   * @param experimentIds the experiments to search, at least one
   * @param request the filter over metrics, params, tags and attributes, order and page
   * @return one page of runs
   */
  Page<Run> searchRuns(List<String> experimentIds, SearchRequest request);

  /** Logs metrics, params and tags in one transaction (see {@link LogBatch}). */
  void logBatch(String runId, LogBatch batch);

  /** Records datasets a run read or wrote. */
  void logInputs(String runId, List<DatasetInput> inputs);

  /** Returns every value logged for one metric, ordered by step then timestamp. */
  List<Metric> getMetricHistory(String runId, String key);

  /** Releases connections and stops heartbeats; runs still owned stay RUNNING until stale. */
  @Override
  void close();
}
