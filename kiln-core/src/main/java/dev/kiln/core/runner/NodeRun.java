package dev.kiln.core.runner;

/**
 * One node's record in a run.
 *
 * @param name the node name
 * @param status what happened
 * @param durationMs wall time in milliseconds (0 if not run)
 * @param error the failure message, or null
 */
public record NodeRun(String name, NodeStatus status, long durationMs, String error) {}
