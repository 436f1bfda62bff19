package dev.kiln.tracking.registry;

import dev.kiln.tracking.InvalidParameterException;
import dev.kiln.tracking.ModelVersion;
import dev.kiln.tracking.Page;
import dev.kiln.tracking.ResourceNotFoundException;
import dev.kiln.tracking.SearchRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The versions of registered models: creation, search, descriptions, tags and stages. */
public interface ModelVersionStore {
  /**
   * Creates the next version of a model, in stage {@link ModelStage#NONE}.
   *
   * @param name the registered model
   * @param source the URI of the bundle artifact
   * @param runId the producing run, or null
   * @param tags version tags
   * @return the new version, numbered one above the highest so far
   */
  ModelVersion createModelVersion(String name, String source, String runId, Map<String, String> tags);

  /** Returns one version. */
  ModelVersion getModelVersion(String name, long version);

  /** Returns every version of a model, oldest first. */
  List<ModelVersion> searchModelVersions(String name);

  /**
   * Searches versions of all models by {@code name}, {@code run_id}, {@code source_path} and
   * {@code version_number}.
   */
  Page<ModelVersion> searchModelVersions(SearchRequest request);

  /** Replaces the description of a version and returns it. */
  ModelVersion updateModelVersion(String name, long version, String description);

  /** Deletes one version and the aliases pointing at it. */
  void deleteModelVersion(String name, long version);

  /** Sets a tag of a version, overwriting an existing value. */
  void setModelVersionTag(String name, long version, String key, String value);

  /**
   * Removes a tag of a version.
   *
   * @throws ResourceNotFoundException if the version has no such tag
   */
  void deleteModelVersionTag(String name, long version, String key);

  /**
   * Moves a version to a stage.
   *
   * @param archiveExisting whether the other versions now in {@code stage} move to
   *     {@link ModelStage#ARCHIVED}; only allowed for Staging and Production
   * @return the transitioned version
   * @throws InvalidParameterException if {@code archiveExisting} is set for None or Archived
   */
  ModelVersion transitionModelVersionStage(String name, long version, ModelStage stage,
      boolean archiveExisting);

  /** Returns the newest version of a model in each of {@code stages} (all stages when empty). */
  List<ModelVersion> getLatestVersions(String name, Set<ModelStage> stages);
}
