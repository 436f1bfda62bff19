package dev.kiln.tracking.internal.artifact;

import dev.kiln.core.catalog.AtomicFiles;
import dev.kiln.tracking.ArtifactInfo;
import dev.kiln.tracking.ArtifactStore;
import dev.kiln.tracking.ResourceNotFoundException;
import dev.kiln.tracking.TrackingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * An {@link ArtifactStore} on the local file system. A file is written to a hidden {@code .part}
 * file beside its target, forced to disk and renamed into place, so a crash or a full disk never
 * leaves part of a file under the real name, and a registered version's files are durable before
 * the version is recorded. The part file's name records the writing process; opening a store
 * * deletes the part files of processes that died mid-upload ({@code PartFiles}), and listings
 * never show part files.
 */
public final class LocalArtifactStore implements ArtifactStore {
  private final Path root;
  private final PartFiles parts = new PartFiles();

  /** Creates the root folder if needed and deletes unfinished uploads of dead processes. */
  public LocalArtifactStore(Path root) {
    try {
      this.root = Files.createDirectories(root).toRealPath();
    } catch (IOException e) {
      throw ioFailure("create artifact root '" + root + "'", e);
    }
    parts.sweep(this.root, Instant.now());
  }

  @Override
  public void put(String path, InputStream content) {
    Path target = PathGuard.confine(root, path);
    Path tmp = null;
    try {
      Files.createDirectories(target.getParent());
      PathGuard.confine(root, path);
      tmp = Files.createTempFile(target.getParent(), parts.prefix(), PartFiles.suffix());
      Files.copy(content, tmp, StandardCopyOption.REPLACE_EXISTING);
      AtomicFiles.move(tmp, target);
    } catch (IOException e) {
      deleteQuietly(tmp);
      throw ioFailure("store artifact '" + path + "'", e);
    }
  }

  @Override
  public InputStream get(String path) {
    Path file = PathGuard.confine(root, path);
    if (!Files.isRegularFile(file)) {
      throw new ResourceNotFoundException("Artifact '" + path + "' does not exist.",
          "List the stored artifacts to find the right path.");
    }
    try {
      return Files.newInputStream(file);
    } catch (IOException e) {
      throw ioFailure("read artifact '" + path + "'", e);
    }
  }

  @Override
  public List<ArtifactInfo> list(String directory) {
    Path dir = directory == null || directory.isEmpty() ? root : PathGuard.confine(root, directory);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> children = Files.list(dir)) {
      List<ArtifactInfo> out = new ArrayList<>();
      for (Path p : children.sorted().toList()) {
        if (PartFiles.isPart(p)) {
          continue;
        }
        String rel = root.relativize(p).toString().replace('\\', '/');
        boolean isDir = Files.isDirectory(p);
        out.add(new ArtifactInfo(rel, isDir, isDir ? -1 : Files.size(p)));
      }
      return out;
    } catch (IOException e) {
      throw ioFailure("list artifacts in '" + directory + "'", e);
    }
  }

  @Override
  public void delete(String path) {
    Path target = PathGuard.confine(root, path);
    if (target.equals(root)) {
      throw new dev.kiln.tracking.InvalidParameterException(
          "Refusing to delete the artifact root.", "Delete paths inside it.");
    }
    if (!Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> tree = Files.walk(target)) {
      for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (NoSuchFileException e) {
      // deleted concurrently: the result is what was asked for
    } catch (IOException | UncheckedIOException e) {
      throw ioFailure("delete artifact '" + path + "'", e);
    }
  }

  private static void deleteQuietly(Path tmp) {
    try {
      if (tmp != null) {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException ignored) {
      // the write already failed; that error is the one to report
    }
  }

  private static TrackingException ioFailure(String action, Exception e) {
    return new TrackingException("INTERNAL_ERROR", "Could not " + action + ": " + e.getMessage(),
        "Check the artifact folder exists, is writable and has free space.", e);
  }
}
