/**
 * Native libraries shipped inside jars: {@link dev.kiln.core.natives.NativeLibraryCache} copies
 * each once into a per-user cache, checked at every start, instead of into the temp folder at
 * every start as the libraries' own loaders do.
 */
package dev.kiln.core.natives;
