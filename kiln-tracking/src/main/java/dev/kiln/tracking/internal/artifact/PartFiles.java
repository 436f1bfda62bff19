package dev.kiln.tracking.internal.artifact;

import dev.kiln.core.runner.RunOwner;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hidden files an upload is written to before its rename, and the sweep that removes those
 * a killed process left behind. A name records its writer: {@code .kiln-<pid>@<host>-<n>.part}.
 * Such a file is stale when its writer ran on this host and that pid is gone, or now belongs to
 * a process started after the file was last written (a reused pid). A file of another host, or
 * one without a writer (written by an older Kiln), is stale once untouched for
 * {@link #FOREIGN_GRACE}, as no live upload stays silent that long. Other files, {@code .part}
 * or not, are never touched.
 */
final class PartFiles {
  /** How long a part file of an unknown or remote writer is left alone. */
  static final Duration FOREIGN_GRACE = Duration.ofHours(24);
  private static final String PREFIX = ".kiln-";
  private static final String SUFFIX = ".part";
  private static final Pattern OWNED = Pattern.compile("\\.kiln-(\\d+)@(.+)-\\d+\\.part");
  private static final Logger LOG = LoggerFactory.getLogger(PartFiles.class);

  private final String host = safe(RunOwner.hostName());

  /** Returns the temporary-file prefix naming this process as the writer. */
  String prefix() {
    return PREFIX + ProcessHandle.current().pid() + "@" + host + "-";
  }

  static String suffix() {
    return SUFFIX;
  }

  /** Returns whether a file name is one of Kiln's unfinished uploads. */
  static boolean isPart(Path file) {
    String name = file.getFileName().toString();
    return name.startsWith(PREFIX) && name.endsWith(SUFFIX);
  }

  /** Deletes the stale part files under {@code root}; returns how many it deleted. */
  int sweep(Path root, Instant now) {
    int[] deleted = {0};
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (attrs.isRegularFile() && isPart(file)
              && isStale(file.getFileName().toString(), attrs.lastModifiedTime(), now)) {
            try {
              Files.deleteIfExists(file);
              deleted[0]++;
            } catch (IOException e) {
              LOG.warn("Could not delete the unfinished upload {}: {}; delete it by hand.", file,
                  e.getMessage());
            }
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      LOG.warn("Could not look for unfinished uploads under {}: {}", root, e.getMessage());
    }
    if (deleted[0] > 0) {
      LOG.info("Deleted {} unfinished artifact upload(s) left by stopped processes under {}.",
          deleted[0], root);
    }
    return deleted[0];
  }

  boolean isStale(String name, FileTime modified, Instant now) {
    Matcher m = OWNED.matcher(name);
    if (!m.matches() || !m.group(2).equals(host)) {
      return modified.toInstant().plus(FOREIGN_GRACE).isBefore(now);
    }
    Optional<ProcessHandle> writer = ProcessHandle.of(Long.parseLong(m.group(1)));
    if (writer.isEmpty() || !writer.get().isAlive()) {
      return true;
    }
    return writer.get().info().startInstant()
        .map(started -> started.isAfter(modified.toInstant())).orElse(false);
  }

  private static String safe(String host) {
    return host.replaceAll("[^A-Za-z0-9.-]", "_");
  }
}
