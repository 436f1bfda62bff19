/**
 * Experiments: named groups of runs, created, renamed, tagged, deleted and restored through the
 * {@link dev.kiln.tracking.experiment.ExperimentStore} facet that every {@link
 * dev.kiln.tracking.TrackingStore} implements. {@link
 * dev.kiln.tracking.experiment.Experiments} finds or creates one by name, as the tracking hook and
 * the CLI do.
 */
package dev.kiln.tracking.experiment;
