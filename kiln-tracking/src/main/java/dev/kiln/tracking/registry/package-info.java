/**
 * The model registry's store facet and its values: registered models, the MLflow stage workflow
 * ({@link dev.kiln.tracking.registry.ModelStage}), movable aliases and their history. Every
 * {@link dev.kiln.tracking.TrackingStore} is a {@link dev.kiln.tracking.registry.RegistryStore}
 * and a {@link dev.kiln.tracking.registry.ModelVersionStore}; to register a bundle as a new
 * version, use {@link dev.kiln.tracking.ModelVersions}.
 */
package dev.kiln.tracking.registry;
