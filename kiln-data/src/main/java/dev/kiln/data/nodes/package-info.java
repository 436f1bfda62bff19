/**
 * The data module's built-in node types for YAML pipelines: {@code sql}, a query over the
 * node's input frames.
 */
package dev.kiln.data.nodes;
