/**
 * Frames: {@link dev.kiln.data.Frame} is an immutable table of typed {@link
 * dev.kiln.data.Column}s (double, long, dictionary-encoded string, boolean, timestamp), each a
 * primitive array with a null mask. {@link dev.kiln.data.Frames#sql} runs DuckDB SQL over frames;
 * file formats are in {@link dev.kiln.data.io}, operations in {@link dev.kiln.data.ops},
 * expressions in {@link dev.kiln.data.expr}.
 */
package dev.kiln.data;
