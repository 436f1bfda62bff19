/**
 * Renders a pipeline's graph as Mermaid, Graphviz DOT or JSON, for {@code kiln viz} and the web
 * UI.
 */
package dev.kiln.core.viz;
