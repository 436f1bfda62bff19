package dev.kiln.tracking.registry;

/**
 * One change of an alias, kept as history for audit and rollback.
 *
 * @param model the registered model name
 * @param alias the alias
 * @param fromVersion the version it pointed at before, or -1 if it was unset
 * @param toVersion the version it points at after, or -1 if it was deleted
 * @param timestamp epoch ms of the change
 */
public record AliasMove(String model, String alias, long fromVersion, long toVersion, long timestamp) {}
