/**
 * Artifact store implementations. The local one writes through a temporary file and an atomic
 * rename, and confines every path to its root, following symlinks before deciding.
 */
package dev.kiln.tracking.internal.artifact;
