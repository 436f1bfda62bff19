/**
 * Experiment tracking and model registry: runs with params, metrics, tags and dataset lineage,
 * registered models with versions and movable aliases. {@link dev.kiln.tracking.TrackingStore} is
 * the entry point; {@link dev.kiln.tracking.TrackingStores} opens one over SQLite or PostgreSQL.
 */
package dev.kiln.tracking;
