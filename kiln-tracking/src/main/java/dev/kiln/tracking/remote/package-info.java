/**
 * A remote tracking server's model registry, read over MLflow's REST API: {@link
 * dev.kiln.tracking.remote.RemoteRegistry} resolves references and downloads versions through the
 * server's artifact proxy, signed in with credentials from the environment ({@link
 * dev.kiln.tracking.remote.RemoteTracking}).
 */
package dev.kiln.tracking.remote;
