package dev.kiln.deploy.image;

import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FileEntry;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The image's base layer, made here instead of pulled: shared libraries at their host paths,
 * {@code /etc/passwd} and {@code /etc/group} naming the non-root user, a world-writable
 * {@code /tmp} (for libraries that write temporary files) and the user's home.
 */
final class SystemFiles {
  private static final Instant MTIME = Instant.ofEpochSecond(1);

  private SystemFiles() {}

  static FileEntriesLayer layer(Path scratch, Set<Path> libraries) throws IOException {
    int id = ImageLayout.UID;
    Path passwd = Files.writeString(scratch.resolve("passwd"), "root:x:0:0:root:/root:/sbin/nologin\n"
        + "kiln:x:" + id + ":" + id + ":kiln:" + ImageLayout.HOME + ":/sbin/nologin\n");
    Path group = Files.writeString(scratch.resolve("group"), "root:x:0:\nkiln:x:" + id + ":\n");
    Path dir = Files.createDirectories(scratch.resolve("empty"));
    FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName("system")
        .addEntry(passwd, AbsoluteUnixPath.get("/etc/passwd"), perms("644"))
        .addEntry(group, AbsoluteUnixPath.get("/etc/group"), perms("644"))
        .addEntry(dir, AbsoluteUnixPath.get("/tmp"), perms("777"))
        .addEntry(new FileEntry(dir, AbsoluteUnixPath.get(ImageLayout.HOME), perms("755"), MTIME,
            id + ":" + id));
    for (Path lib : libraries) {
      layer.addEntry(lib.toRealPath(), AbsoluteUnixPath.get(lib.toString()), perms("755"));
    }
    return layer.build();
  }

  private static FilePermissions perms(String octal) {
    return FilePermissions.fromOctalString(octal);
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
