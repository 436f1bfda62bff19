/**
 * The data catalog: {@link dev.kiln.core.catalog.DataCatalog} resolves dataset names from {@code
 * catalog.yml} (plain entries, {@code {placeholder}} patterns, {@code params:}) to {@link
 * dev.kiln.core.catalog.Dataset}s that load and save values. New storage formats implement {@link
 * dev.kiln.core.catalog.DatasetType}, found by {@link java.util.ServiceLoader}; {@link
 * dev.kiln.core.catalog.AtomicFiles} writes files so a crash never leaves half of one.
 */
package dev.kiln.core.catalog;
