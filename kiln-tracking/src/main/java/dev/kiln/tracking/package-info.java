/**
 * Experiment tracking and model registry: runs with params, metrics, tags and dataset lineage,
 * registered models with versions and movable aliases. {@link dev.kiln.tracking.ProjectTracking}
 * opens a project's store, artifacts and registry in one call; {@link
 * dev.kiln.tracking.TrackingStore} is the store's API and {@link dev.kiln.tracking.TrackingStores}
 * opens one over SQLite or PostgreSQL. The registry's and experiments' own types are in the
 * {@code registry} and {@code experiment} sub-packages.
 */
package dev.kiln.tracking;
