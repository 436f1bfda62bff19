/**
 * Typed pipelines: a {@link dev.kiln.core.pipeline.Node} is a Java function whose inputs and
 * outputs are {@link dev.kiln.core.pipeline.DatasetRef}s (a name and a type), and a {@link
 * dev.kiln.core.pipeline.Pipeline} is an immutable graph of nodes, checked once when built
 * (cycles, outputs produced twice). Filters and {@link dev.kiln.core.pipeline.Reuse namespaces}
 * return new pipelines; a node that returns {@link dev.kiln.core.pipeline.Metrics} has them
 * recorded with the run.
 */
package dev.kiln.core.pipeline;
