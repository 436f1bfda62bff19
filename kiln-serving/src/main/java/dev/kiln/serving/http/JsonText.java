package dev.kiln.serving.http;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Finds and decodes JSON strings in UTF-8 bytes, as strictly as Jackson reads them: no control
 * characters, only JSON's escapes, well-formed UTF-8. A malformed string is an
 * {@link IllegalArgumentException}.
 */
final class JsonText {
  private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);

  /** Returns the index of the closing quote of a string whose contents start at {@code from}. */
  int end(byte[] b, int from, int limit) {
    for (int i = from; i < limit; i++) {
      byte c = b[i];
      if (c == '"') {
        return i;
      }
      if (c == '\\') {
        i++;
      } else if (c >= 0 && c < 0x20) {
        throw new IllegalArgumentException("a control character in a string");
      }
    }
    throw new IllegalArgumentException("an unterminated string");
  }

  /** Decodes the contents of a string, {@code b[from, close)}. */
  String decode(byte[] b, int from, int close) {
    boolean plain = true;
    for (int i = from; i < close && plain; i++) {
      plain = b[i] >= 0 && b[i] != '\\';
    }
    if (plain) {
      return new String(b, from, close - from, StandardCharsets.ISO_8859_1);
    }
    StringBuilder s = new StringBuilder(close - from);
    int run = from;
    for (int i = from; i < close; i++) {
      if (b[i] != '\\') {
        continue;
      }
      s.append(utf8(b, run, i));
      char e = (char) b[++i];
      switch (e) {
        case '"', '\\', '/' -> s.append(e);
        case 'b' -> s.append('\b');
        case 'f' -> s.append('\f');
        case 'n' -> s.append('\n');
        case 'r' -> s.append('\r');
        case 't' -> s.append('\t');
        case 'u' -> {
          if (i + 4 >= close) {
            throw new IllegalArgumentException("a cut-short \\u escape");
          }
          if (!isHex(b, i + 1)) {
            throw new IllegalArgumentException("a \\u escape that is not hex");
          }
          s.append((char) Integer.parseInt(new String(b, i + 1, 4,
              StandardCharsets.ISO_8859_1), 16));
          i += 4;
        }
        default -> throw new IllegalArgumentException("an escape JSON does not have");
      }
      run = i + 1;
    }
    return s.append(utf8(b, run, close)).toString();
  }

  private static boolean isHex(byte[] b, int from) {
    for (int i = from; i < from + 4; i++) {
      if (Character.digit(b[i], 16) < 0) {
        return false;
      }
    }
    return true;
  }

  private CharBuffer utf8(byte[] b, int from, int to) {
    try {
      return utf8.reset().decode(ByteBuffer.wrap(b, from, to - from));
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("malformed UTF-8", e);
    }
  }
}
