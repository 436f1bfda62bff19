package dev.kiln.tracking;

import java.util.List;
import java.util.Map;

/**
 * The model registry: registered models, their versions and movable aliases. Every alias change
 * is atomic and recorded in a history, so a rollback moves the alias to its previous holder.
 */
public interface RegistryStore {
  /** Creates a registered model; throws if the name is taken. */
  RegisteredModel createRegisteredModel(String name, String description, Map<String, String> tags);

  /** Returns the registered model with this name, with its aliases. */
  RegisteredModel getRegisteredModel(String name);

  /** Deletes a registered model with its versions and aliases. */
  void deleteRegisteredModel(String name);

  /** Searches models by {@code name} and {@code tags.*}. */
  Page<RegisteredModel> searchRegisteredModels(SearchRequest request);

  /**
   * Creates the next version of a model.
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

  /** Sets or moves an alias to a version; recorded in the alias history. */
  void updateAlias(String name, String alias, long version);

  /** Removes an alias; recorded in the alias history. */
  void deleteAlias(String name, String alias);

  /** Returns the version an alias points at. */
  ModelVersion getModelVersionByAlias(String name, String alias);

  /** Returns the moves of one alias, oldest first. */
  List<AliasMove> getAliasHistory(String name, String alias);

  /**
   * Moves an alias back to the version it pointed at before its last move.
   *
   * @return the version the alias now points at
   * @throws InvalidParameterException if the alias never pointed elsewhere
   */
  ModelVersion rollbackAlias(String name, String alias);
}
