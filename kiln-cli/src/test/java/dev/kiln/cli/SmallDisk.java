package dev.kiln.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A size-limited file system (a tmpfs mounted on a folder) so that writes really fail with
 * "No space left on device". Mounting needs root with CAP_SYS_ADMIN; where that is refused the
 * test is skipped with the reason (the injected-failure tests in kiln-tracking's
 * LocalArtifactStoreTest and kiln-core's AtomicFilesTest cover the same code paths).
 */
final class SmallDisk implements AutoCloseable {
  private final Path mountPoint;

  private SmallDisk(Path mountPoint) {
    this.mountPoint = mountPoint;
  }

  /** Mounts a tmpfs of {@code kib} KiB on {@code folder} (created if needed). */
  static SmallDisk mount(Path folder, int kib) throws IOException, InterruptedException {
    Files.createDirectories(folder);
    Result mount = exec("mount", "-t", "tmpfs", "-o", "size=" + kib + "k", "tmpfs",
        folder.toString());
    assumeTrue(mount.code() == 0, () -> "Skipped: cannot mount a size-limited tmpfs here ("
        + mount.output().strip() + "); disk-full is covered by injected write failures instead");
    return new SmallDisk(folder);
  }

  /** Returns the mounted folder. */
  Path root() {
    return mountPoint;
  }

  /** Fills the disk with {@code file} until a write fails for want of space. */
  void fill(Path file) throws IOException {
    byte[] block = new byte[1024];
    try (var out = Files.newOutputStream(file)) {
      while (true) {
        out.write(block);
      }
    } catch (IOException full) {
      if (!String.valueOf(full.getMessage()).contains("No space left")) {
        throw full;
      }
    }
  }

  @Override
  public void close() throws IOException, InterruptedException {
    Result umount = exec("umount", mountPoint.toString());
    if (umount.code() != 0) {
      exec("umount", "-l", mountPoint.toString());
    }
  }

  private record Result(int code, String output) {}

  private static Result exec(String... command) throws IOException, InterruptedException {
    Process p;
    try {
      p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
    } catch (IOException e) {
      return new Result(-1, command[0] + " is not available: " + e.getMessage());
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(1, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      return new Result(-1, command[0] + " did not finish");
    }
    return new Result(p.exitValue(), out);
  }
}
