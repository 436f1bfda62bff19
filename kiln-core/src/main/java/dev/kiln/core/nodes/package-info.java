/**
 * Built-in node types: steps such as split, train or bundle that a project declares in
 * {@code conf/base/pipelines.yml} by {@code type}, wired by dataset names, with typed parameters.
 * Modules provide them through {@link dev.kiln.core.nodes.NodeType} and {@link
 * java.util.ServiceLoader}; the YAML loader turns each declaration into an ordinary
 * {@link dev.kiln.core.pipeline.Node}.
 */
package dev.kiln.core.nodes;
