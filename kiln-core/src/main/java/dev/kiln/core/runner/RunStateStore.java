package dev.kiln.core.runner;

import dev.kiln.core.KilnException;
import dev.kiln.core.ProjectLayout;
import dev.kiln.core.catalog.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads and writes run state files under {@code <stateDir>/runs}, atomically (as checkpoints: they
 * survive the writing process's death; a power loss can roll one back to an earlier write, which
 * only makes a resume redo more). A state that says {@link PipelineRunStatus#RUNNING} is checked
 * against its owner when read: if the owning process is gone (its {@link RunLock} is free), the
 * state is rewritten as {@link PipelineRunStatus#KILLED}.
 */
public final class RunStateStore {
  private final Path runsDir;

  /** Creates a store under a state directory, normally {@code <project>/.kiln}. */
  public RunStateStore(Path stateDir) {
    this.runsDir = new ProjectLayout(stateDir).runsDir();
  }

  /**
   * Writes a run's state, replacing the previous write of the same run.
   *
   * @throws KilnException if the file cannot be written
   */
  public void save(RunState state) {
    try {
      AtomicFiles.writeCheckpoint(fileOf(state.runId()),
          Json.MAPPER.writeValueAsBytes(state));
    } catch (IOException e) {
      throw new KilnException("Cannot write run state to '" + runsDir + "': " + e.getMessage(),
          "check that the project folder is writable and has free space", e);
    }
  }

  /**
   * Returns the states of all runs, newest first, with runs of dead owners read as killed.
   *
   * @throws KilnException if a state file is unreadable
   */
  public List<RunState> list() {
    if (!Files.isDirectory(runsDir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(runsDir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".json"))
          .sorted(Comparator.reverseOrder()).map(this::read).flatMap(Optional::stream)
          .map(this::reconcile).toList();
    } catch (IOException e) {
      throw new KilnException("Cannot list run states in '" + runsDir + "': " + e.getMessage(),
          null, e);
    }
  }

  /** Returns the newest run, if any. */
  public Optional<RunState> latest() {
    return list().stream().findFirst();
  }

  /** Returns one run's state, if it was recorded. */
  public Optional<RunState> get(String runId) {
    return read(fileOf(runId)).map(this::reconcile);
  }

  Path runsDir() {
    return runsDir;
  }

  private Path fileOf(String runId) {
    return runsDir.resolve(runId + ".json");
  }

  private RunState reconcile(RunState state) {
    if (state.status() != PipelineRunStatus.RUNNING
        || (state.owner() != null && state.owner().matchesCurrentProcess())) {
      return state;
    }
    return RunLock.ifAbandoned(runsDir, state.runId(), state.owner(), () -> markKilled(state))
        .orElse(state);
  }

  /** Rewrites a dead owner's state as killed, unless it ended meanwhile. */
  private RunState markKilled(RunState seen) {
    Path file = fileOf(seen.runId());
    RunState current = read(file).orElse(seen);
    if (current.status() != PipelineRunStatus.RUNNING) {
      return current;
    }
    Instant lastWritten;
    try {
      lastWritten = Files.getLastModifiedTime(file).toInstant();
    } catch (IOException e) {
      lastWritten = Instant.now();
    }
    RunState killed = current.killed(lastWritten);
    save(killed);
    return killed;
  }

  private Optional<RunState> read(Path file) {
    try {
      return Optional.of(Json.MAPPER.readValue(file.toFile(), RunState.class));
    } catch (NoSuchFileException | java.io.FileNotFoundException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new KilnException("Run state file '" + file + "' is unreadable: " + e.getMessage(),
          "it was cut short, e.g. by a power loss; delete it and run again (nodes whose outputs"
              + " are unchanged are skipped from the cache)", e);
    }
  }
}
