package dev.kiln.cli;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Bytes written as UTF-8 text to a writer, for APIs that want a {@code PrintStream} (JShell) while
 * the command prints to the writer picocli gives it. A character split across writes is kept until
 * its last byte arrives; {@link #flush()} flushes the writer.
 */
final class WriterStream extends OutputStream {
  private final PrintWriter writer;
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPLACE)
      .onUnmappableCharacter(CodingErrorAction.REPLACE);
  private ByteBuffer pending = ByteBuffer.allocate(0);

  WriterStream(PrintWriter writer) {
    this.writer = writer;
  }

  @Override
  public void write(int b) {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public synchronized void write(byte[] bytes, int offset, int length) {
    ByteBuffer in = ByteBuffer.allocate(pending.remaining() + length);
    in.put(pending).put(bytes, offset, length).flip();
    CharBuffer out = CharBuffer.allocate(in.remaining());
    decoder.decode(in, out, false);
    writer.write(out.array(), 0, out.position());
    pending = in.slice();
  }

  @Override
  public void flush() {
    writer.flush();
  }
}
