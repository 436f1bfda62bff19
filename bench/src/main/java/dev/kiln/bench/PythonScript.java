package dev.kiln.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs a Python baseline script with the system interpreter and returns what it printed. */
final class PythonScript {
  private PythonScript() {}

  /**
   * Runs {@code script} with {@code /usr/bin/python3} and {@code args}, returning its standard
   * output (standard error goes to the console).
   *
   * @param packages the Debian packages the script needs, named in the error if it fails
   */
  static String run(String script, String packages, String... args) throws Exception {
    Path file = Files.createTempFile("bench", ".py");
    try {
      Files.writeString(file, script);
      String[] command = new String[args.length + 2];
      command[0] = "/usr/bin/python3";
      command[1] = file.toString();
      System.arraycopy(args, 0, command, 2, args.length);
      Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT)
          .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0) {
        throw new IllegalStateException("python benchmark failed; install " + packages);
      }
      return out;
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
