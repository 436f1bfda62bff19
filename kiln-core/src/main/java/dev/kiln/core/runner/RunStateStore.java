package dev.kiln.core.runner;

import dev.kiln.core.KilnException;
import dev.kiln.core.catalog.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Reads and writes run state files under {@code <stateDir>/runs}, atomically. */
public final class RunStateStore {
  private final Path runsDir;

  /** Creates a store under a state directory, normally {@code <project>/.kiln}. */
  public RunStateStore(Path stateDir) {
    this.runsDir = stateDir.resolve("runs");
  }

  /**
   * Writes a run's state, replacing the previous write of the same run.
   *
   * @throws KilnException if the file cannot be written
   */
  public void save(RunState state) {
    try {
      AtomicFiles.write(runsDir.resolve(state.runId() + ".json"),
          Json.MAPPER.writeValueAsBytes(state));
    } catch (IOException e) {
      throw new KilnException("Cannot write run state to '" + runsDir + "': " + e.getMessage(),
          "check that the project folder is writable", e);
    }
  }

  /** Returns the states of all runs, newest first. */
  public List<RunState> list() {
    if (!Files.isDirectory(runsDir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(runsDir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".json"))
          .sorted(java.util.Comparator.reverseOrder()).map(this::read).toList();
    } catch (IOException e) {
      throw new KilnException("Cannot list run states in '" + runsDir + "': " + e.getMessage(),
          null, e);
    }
  }

  /** Returns the newest run, if any. */
  public Optional<RunState> latest() {
    return list().stream().findFirst();
  }

  private RunState read(Path file) {
    try {
      return Json.MAPPER.readValue(file.toFile(), RunState.class);
    } catch (IOException e) {
      throw new KilnException("Run state file '" + file + "' is unreadable: " + e.getMessage(),
          "delete it; it only affects --from-failed", e);
    }
  }
}
