/**
 * Runners and run state: {@link dev.kiln.core.runner.SequentialRunner} and {@link
 * dev.kiln.core.runner.ParallelRunner} execute a pipeline against a catalog, skipping nodes whose
 * inputs, parameters and code are unchanged. Each run is recorded as a {@link
 * dev.kiln.core.runner.RunState} (node status, timings, dataset hashes, metrics) that survives a
 * crash and tells how to resume.
 */
package dev.kiln.core.runner;
