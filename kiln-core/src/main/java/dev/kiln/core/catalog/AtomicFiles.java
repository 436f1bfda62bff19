package dev.kiln.core.catalog;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/**
 * Writes files atomically and durably: into a temporary file beside the target, flushed to disk,
 * then renamed into place, and the rename flushed too. A reader, or a process that resumes after a
 * crash or power loss, sees the old file or the whole new one, never a part.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Writes through a stream; the target appears whole or not at all. */
  @FunctionalInterface
  public interface Writer {
    /** Writes the content. */
    void write(OutputStream out) throws IOException;
  }

  /**
   * Writes a file atomically, creating parent directories.
   *
   * @throws IOException if writing or moving fails; the target is then unchanged
   */
  public static void write(Path target, Writer writer) throws IOException {
    write(target, writer, true);
  }

  /**
   * Writes a bookkeeping file atomically without forcing it to disk: cheaper than {@link
   * #write(Path, byte[])}, it survives the death of the writing process (the kernel keeps its
   * pages), but a power loss may roll it back to an earlier version. For files whose loss only
   * costs repeated work, such as run checkpoints.
   *
   * @throws IOException if writing or moving fails; the target is then unchanged
   */
  public static void writeCheckpoint(Path target, byte[] bytes) throws IOException {
    write(target, out -> out.write(bytes), false);
  }

  private static void write(Path target, Writer writer, boolean durable) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(tmp)) {
        writer.write(out);
      }
      if (durable) {
        move(tmp, target);
      } else {
        rename(tmp, target);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Moves a finished temporary file (or folder) onto the target atomically where the file system
   * allows it, after forcing its content to disk, then forces the rename to disk.
   *
   * @throws IOException if the move fails
   */
  public static void move(Path tmp, Path target) throws IOException {
    sync(tmp);
    rename(tmp, target);
    syncDirectory(target.toAbsolutePath().getParent());
  }

  private static void rename(Path tmp, Path target) throws IOException {
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Flushes a file's content, or every file of a folder tree, to the storage device. */
  private static void sync(Path path) throws IOException {
    if (Files.isDirectory(path)) {
      try (Stream<Path> tree = Files.walk(path)) {
        for (Path p : tree.filter(Files::isRegularFile).toList()) {
          sync(p);
        }
      }
      syncDirectory(path);
      return;
    }
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }

  /** Flushes a folder's entries (a rename into it); a no-op where folders cannot be opened. */
  private static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Windows cannot open folders; its renames are flushed by the file system's journal
    }
  }

  /** Writes bytes atomically. */
  public static void write(Path target, byte[] bytes) throws IOException {
    write(target, out -> out.write(bytes));
  }
}
