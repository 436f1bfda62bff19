package dev.kiln.core.runner;

import dev.kiln.core.KilnException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The operating-system lock a running process holds on {@code <runs>/<id>.lock} from before its
 * first state write until after its last. The kernel drops the lock when the process dies however
 * it dies (kill -9, out of memory, power loss), so another process that can take the lock knows
 * the run's owner is gone. This works across processes and containers sharing the folder; within
 * one JVM a run's liveness is known from its {@link RunOwner} instead, since closing any channel
 * on the file would drop the JVM's lock.
 */
final class RunLock implements AutoCloseable {
  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;

  private RunLock(Path file, FileChannel channel, FileLock lock) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
  }

  static Path fileOf(Path runsDir, String runId) {
    return runsDir.resolve(runId + ".lock");
  }

  /**
   * Takes the lock of a new run.
   *
   * @throws KilnException if the lock file cannot be created or is held by another process
   */
  static RunLock acquire(Path runsDir, String runId) {
    Path file = fileOf(runsDir, runId);
    FileChannel channel = null;
    try {
      Files.createDirectories(runsDir);
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        throw new IOException("another process holds it");
      }
      return new RunLock(file, channel, lock);
    } catch (IOException | OverlappingFileLockException e) {
      closeQuietly(channel);
      throw new KilnException("Cannot lock run state file '" + file + "': " + e.getMessage(),
          "check that the project folder is writable", e);
    }
  }

  /**
   * Runs {@code action} if no live process holds the lock of run {@code runId}, holding the lock
   * meanwhile so that no other reader acts on the run at the same time, then deletes the lock file.
   *
   * @param owner the recorded owner, asked when the file system cannot lock (null if unknown)
   * @return the action's result, or empty when the run's owner is alive
   */
  static <T> Optional<T> ifAbandoned(Path runsDir, String runId, RunOwner owner,
      Supplier<T> action) {
    Path file = fileOf(runsDir, runId);
    FileChannel channel;
    try {
      channel = FileChannel.open(file, StandardOpenOption.WRITE);
    } catch (NoSuchFileException e) {
      return Optional.of(action.get()); // a live owner creates it before its first state write
    } catch (IOException e) {
      return ownerGone(owner) ? Optional.of(action.get()) : Optional.empty();
    }
    try (channel) {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        return Optional.empty();
      }
      try {
        T result = action.get();
        Files.deleteIfExists(file);
        return Optional.of(result);
      } finally {
        lock.release();
      }
    } catch (OverlappingFileLockException e) {
      return Optional.empty();
    } catch (IOException e) {
      return ownerGone(owner) ? Optional.of(action.get()) : Optional.empty();
    }
  }

  private static boolean ownerGone(RunOwner owner) {
    return owner != null && owner.goneFromThisHost();
  }

  /** Deletes the lock file, then releases the lock; the run's final state must be written first. */
  @Override
  public void close() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // a stale lock file is harmless: the next reader takes the free lock and deletes it
    }
    try {
      lock.release();
    } catch (IOException e) {
      // closing the channel below releases it too
    }
    closeQuietly(channel);
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      if (channel != null) {
        channel.close();
      }
    } catch (IOException e) {
      // nothing more to release
    }
  }
}
