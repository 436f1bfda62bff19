/**
 * Dataframe operations over {@link dev.kiln.data.Frame}s, vectorized over primitive columns:
 * duplicates and nulls, sorting, joins, group-by aggregation and value counts. {@code Frame}'s
 * methods of the same names delegate here.
 */
package dev.kiln.data.ops;
