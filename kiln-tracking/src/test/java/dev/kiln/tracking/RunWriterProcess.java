package dev.kiln.tracking;

import java.nio.file.Path;
import java.util.Map;

/**
 * A child process for the kill test: starts a run in the SQLite store given as the first argument,
 * prints its id, then logs metrics until it is killed.
 */
public final class RunWriterProcess {
  private RunWriterProcess() {}

  /** Entry point; argument: the SQLite file. */
  public static void main(String[] args) {
    TrackingStore store = TrackingStores.sqlite(Path.of(args[0]));
    String exp = store.createExperiment("killed", Map.of()).id();
    Run run = store.createRun(exp, "doomed", Map.of());
    System.out.println(run.id());
    System.out.flush();
    for (long step = 0; ; step++) {
      store.logBatch(run.id(), new LogBatch(
          java.util.List.of(new Metric("loss", 1.0 / (step + 1), step, step),
              new Metric("acc", step, step, step)),
          Map.of(), Map.of("last_step", Long.toString(step))));
    }
  }
}
