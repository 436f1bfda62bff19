/**
 * Data profiles: per-column counts, moments and ranges with quantile sketches for numbers,
 * frequent items for text, computed in bounded memory and stored in model bundles as the
 * reference that drift is measured against.
 */
package dev.kiln.quality.profile;
