package dev.kiln.core.catalog;

import java.io.IOException;

/**
 * Converts a value to and from the bytes of a file; the format behind a {@link FileDataset}.
 *
 * @param <T> the value type
 */
public interface FileCodec<T> {
  /** Returns the Java type of decoded values. */
  Class<?> valueType();

  /** Returns a short name of the format for messages, e.g. {@code JSON}. */
  String formatName();

  /** Decodes file bytes. */
  T decode(byte[] bytes) throws IOException;

  /** Encodes a value to file bytes. */
  byte[] encode(T value) throws IOException;
}
