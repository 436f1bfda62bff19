/**
 * Reading and writing frames through DuckDB: CSV, Parquet and JSON lines ({@link
 * dev.kiln.data.io.FrameReader}, {@link dev.kiln.data.io.FrameWriter}), streamed in chunks for
 * files larger than memory ({@link dev.kiln.data.io.FrameChunks}, {@link
 * dev.kiln.data.io.FrameSink}). The catalog types {@code csv}, {@code parquet}, {@code
 * json_records}, {@code jsonl}, {@code sql} and {@code jdbc} live here.
 */
package dev.kiln.data.io;
