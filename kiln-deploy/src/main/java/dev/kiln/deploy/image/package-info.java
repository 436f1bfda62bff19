/**
 * OCI images built without a Docker daemon (Jib) on a {@code jlink} runtime: the layers, labels
 * and the server's command line.
 */
package dev.kiln.deploy.image;
