/**
 * Hooks: code called before and after a pipeline, each node and each dataset load or save, and
 * when a node fails. Implement {@link dev.kiln.core.hooks.Hook} (every method has an empty
 * default) to log, time or check a run.
 */
package dev.kiln.core.hooks;
