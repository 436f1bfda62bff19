/**
 * Kiln's expression language: SQL-like expressions ({@code log1p(Amount)},
 * {@code case when age < 18 then 'minor' else 'adult' end}) parsed once, type-checked against a
 * schema, then evaluated either vectorized over a {@link dev.kiln.data.Frame} or per row over a
 * reusable {@link dev.kiln.data.expr.RowBuffer} with no allocation per evaluation. Both ways share
 * the same kernels, so training, batch scoring and serving compute the same values.
 */
package dev.kiln.data.expr;
