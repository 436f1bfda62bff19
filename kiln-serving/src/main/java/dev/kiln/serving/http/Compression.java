package dev.kiln.serving.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Gzip for answers that gain from it: text and JSON of at least {@link #MIN_BYTES}, to clients
 * whose {@code Accept-Encoding} takes gzip. Smaller answers fit in one packet as they are, and
 * compressing them would only cost CPU.
 */
final class Compression {
  /** Answers smaller than this (about one Ethernet packet) are never compressed. */
  static final int MIN_BYTES = 1400;
  /**
   * Deflate's level 1: on JSON answers of numbers it compresses about as well as the default
   * level 6 for a fraction of the CPU (see docs/serving.md).
   */
  private static final int LEVEL = Deflater.BEST_SPEED;

  private Compression() {}

  /**
   * Returns whether an answer of this type and size would be compressed for a client that
   * takes gzip: the answer then varies with {@code Accept-Encoding}.
   */
  static boolean worthIt(String contentType, int length) {
    if (length < MIN_BYTES || contentType == null) {
      return false;
    }
    String type = contentType.toLowerCase(Locale.ROOT);
    return type.startsWith("text/") || type.contains("json") || type.contains("javascript")
        || type.contains("xml");
  }

  /**
   * Returns whether an {@code Accept-Encoding} header takes gzip: named (or {@code x-gzip})
   * with a weight above 0, or not named and {@code *} with a weight above 0.
   */
  static boolean acceptsGzip(String acceptEncoding) {
    if (acceptEncoding == null) {
      return false;
    }
    Boolean any = null;
    for (String part : acceptEncoding.split(",")) {
      int semi = part.indexOf(';');
      String coding = (semi < 0 ? part : part.substring(0, semi)).trim()
          .toLowerCase(Locale.ROOT);
      boolean wanted = semi < 0 || weight(part.substring(semi + 1)) > 0;
      if (coding.equals("gzip") || coding.equals("x-gzip")) {
        return wanted;
      }
      if (coding.equals("*")) {
        any = wanted;
      }
    }
    return any != null && any;
  }

  /** Returns the {@code q} weight of a coding's parameters (1 when none is given or it is bad). */
  private static double weight(String parameters) {
    for (String p : parameters.split(";")) {
      String[] kv = p.trim().split("=", 2);
      if (kv.length == 2 && kv[0].trim().equalsIgnoreCase("q")) {
        try {
          return Double.parseDouble(kv[1].trim());
        } catch (NumberFormatException e) {
          return 1;
        }
      }
    }
    return 1;
  }

  /** Returns the bytes gzipped. */
  static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
    try (GZIPOutputStream gzip = new LevelledGzip(out)) {
      gzip.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("gzip into memory", e);
    }
    return out.toByteArray();
  }

  /** A gzip stream at {@link #LEVEL}. */
  private static final class LevelledGzip extends GZIPOutputStream {
    LevelledGzip(ByteArrayOutputStream out) throws IOException {
      super(out, 8192);
      def.setLevel(LEVEL);
    }
  }
}
