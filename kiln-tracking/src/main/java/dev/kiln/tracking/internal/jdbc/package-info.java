/**
 * The JDBC tracking store over SQLite or PostgreSQL: one schema applied by Flyway migrations,
 * every multi-statement change in a transaction, and owner liveness (pid, host, heartbeat) so runs
 * whose process died read back as KILLED.
 */
package dev.kiln.tracking.internal.jdbc;
