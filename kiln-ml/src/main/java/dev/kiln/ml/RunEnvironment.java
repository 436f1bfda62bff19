package dev.kiln.ml;

import dev.kiln.ml.xgboost.XGBoostModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The code version and environment of a run: git commit and dirty flag when the project is in a
 * git repository, and the Kiln, Java and XGBoost versions. Runs, retraining decisions and model
 * tests are tagged with it.
 */
public final class RunEnvironment {
  private RunEnvironment() {}

  /**
   * Returns {@code git.commit} and {@code git.dirty} (only inside a git work tree; dirty when
   * files under {@code dir} differ from the commit), {@code kiln.version}, {@code java.version}
   * and {@code xgboost.version}.
   */
  public static Map<String, String> tags(Path dir) {
    Map<String, String> tags = new LinkedHashMap<>(git(dir));
    tags.put("kiln.version", kilnVersion());
    tags.put("java.version", Runtime.version().toString());
    tags.put("xgboost.version", XGBoostModel.libraryVersion());
    return tags;
  }

  /**
   * Returns {@code git.commit} and {@code git.dirty} of the work tree holding {@code dir}, or an
   * empty map outside git (or without a git command).
   */
  public static Map<String, String> git(Path dir) {
    Map<String, String> tags = new LinkedHashMap<>();
    String commit = git(dir, "rev-parse", "HEAD");
    if (commit != null && !commit.isEmpty()) {
      tags.put("git.commit", commit);
      String status = git(dir, "status", "--porcelain", "--", ".");
      tags.put("git.dirty", String.valueOf(status != null && !status.isEmpty()));
    }
    return tags;
  }

  /** Returns Kiln's version from the jar manifest, or {@code development} outside a jar. */
  public static String kilnVersion() {
    String version = RunEnvironment.class.getPackage().getImplementationVersion();
    return version == null ? "development" : version;
  }

  private static String git(Path dir, String... args) {
    String[] command = new String[args.length + 3];
    command[0] = "git";
    command[1] = "-C";
    command[2] = dir.toString();
    System.arraycopy(args, 0, command, 3, args.length);
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
