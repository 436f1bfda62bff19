package dev.kiln.tracking.registry;

import dev.kiln.tracking.InvalidParameterException;
import dev.kiln.tracking.ModelVersion;
import dev.kiln.tracking.Page;
import dev.kiln.tracking.ResourceAlreadyExistsException;
import dev.kiln.tracking.ResourceNotFoundException;
import dev.kiln.tracking.SearchRequest;
import java.util.List;
import java.util.Map;

/**
 * The model registry's models and their movable aliases. Every alias change is atomic and
 * recorded in a history, so a rollback moves the alias to its previous holder. Versions are in
 * {@link ModelVersionStore}.
 */
public interface RegistryStore {
  /** Creates a registered model; throws if the name is taken. */
  RegisteredModel createRegisteredModel(String name, String description, Map<String, String> tags);

  /** Returns the registered model with this name, with its aliases. */
  RegisteredModel getRegisteredModel(String name);

  /**
   * Renames a model, keeping its versions, tags, aliases and alias history.
   *
   * @return the renamed model
   * @throws ResourceAlreadyExistsException if {@code newName} is taken
   */
  RegisteredModel renameRegisteredModel(String name, String newName);

  /** Replaces the description of a model and returns it. */
  RegisteredModel updateRegisteredModel(String name, String description);

  /** Deletes a registered model with its versions and aliases. */
  void deleteRegisteredModel(String name);

  /** Searches models by {@code name} and {@code tags.*}. */
  Page<RegisteredModel> searchRegisteredModels(SearchRequest request);

  /** Sets a tag of a model, overwriting an existing value. */
  void setRegisteredModelTag(String name, String key, String value);

  /**
   * Removes a tag of a model.
   *
   * @throws ResourceNotFoundException if the model has no such tag
   */
  void deleteRegisteredModelTag(String name, String key);

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
