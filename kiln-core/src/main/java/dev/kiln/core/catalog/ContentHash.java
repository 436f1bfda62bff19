package dev.kiln.core.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** SHA-256 hashes of files, directories and strings, as lowercase hex. */
public final class ContentHash {
  private ContentHash() {}

  /** Returns a new SHA-256 digest. */
  public static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  /** Returns the hash of a string's UTF-8 bytes. */
  public static String of(String text) {
    return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Returns the hash of a file's bytes, or of a directory's files (relative names and contents,
   * in sorted order, hidden files skipped).
   *
   * @throws IOException if a file cannot be read
   */
  public static String of(Path path) throws IOException {
    MessageDigest digest = sha256();
    if (Files.isDirectory(path)) {
      List<Path> files;
      try (Stream<Path> walk = Files.walk(path)) {
        files = walk.filter(Files::isRegularFile)
            .filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
      }
      for (Path file : files) {
        digest.update(path.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
        update(digest, file);
      }
    } else {
      update(digest, path);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static void update(MessageDigest digest, Path file) throws IOException {
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
    }
  }
}
