package dev.kiln.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Moves a model's {@code champion} alias between registry versions 1 and 2 at a fixed interval
 * with {@code kiln models promote}, as an operator would while the server keeps serving.
 */
final class AliasMover implements Runnable {
  private final String kilnJar;
  private final Path project;
  private final String model;
  private final Duration every;
  private final Consumer<String> moved;
  private volatile int moves;

  AliasMover(String kilnJar, Path project, String model, Duration every,
      Consumer<String> moved) {
    this.kilnJar = kilnJar;
    this.project = project;
    this.model = model;
    this.every = every;
    this.moved = moved;
  }

  @Override
  public void run() {
    String version = "1";
    try {
      while (!Thread.currentThread().isInterrupted()) {
        Thread.sleep(every.toMillis());
        version = version.equals("1") ? "2" : "1";
        Process p = new ProcessBuilder("java", "-jar", kilnJar, "models", "promote", model,
            version, "--project", project.toString()).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (p.waitFor() != 0) {
          System.out.println("kiln models promote " + model + " " + version + " failed");
          continue;
        }
        moved.accept(version);
        moves++;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      System.out.println("Cannot run kiln models promote: " + e.getMessage());
    }
  }

  /** Returns how many times the alias moved. */
  int moves() {
    return moves;
  }
}
