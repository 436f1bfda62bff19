/**
 * Implementation of kiln-data's I/O, not API: DuckDB connections, Arrow exchange between
 * DuckDB and frames, column builders, string dictionaries and the error texts of reads.
 */
package dev.kiln.data.internal;
