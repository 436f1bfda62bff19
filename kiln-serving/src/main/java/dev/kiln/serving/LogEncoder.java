package dev.kiln.serving;

import java.io.IOException;
import java.io.OutputStream;

/** Turns prediction log entries into the bytes of one {@link LogFormat}, on the writer thread. */
interface LogEncoder {
  /** Returns the bytes that start a file, and forgets what the previous file held. */
  byte[] startFile();

  /**
   * Encodes one entry whole and then writes it, so an entry that cannot be encoded writes
   * nothing.
   *
   * @return the number of bytes written
   */
  int write(PredictionLog.Entry entry, OutputStream out) throws IOException;
}
