package dev.kiln.tracking;

/**
 * One entry of an artifact listing.
 *
 * @param path the path relative to the store root, with '/' separators
 * @param directory whether it is a directory
 * @param size the size in bytes, or -1 for a directory
 */
public record ArtifactInfo(String path, boolean directory, long size) {}
