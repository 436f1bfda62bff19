package dev.kiln.core.progress;

/**
 * Told when a {@link Progress} task starts and ends; between the two it reads the task's counters
 * when it wants to (tasks never call it per step, so stepping stays cheap). Tasks of a parallel run
 * start and end on worker threads: implementations must be thread-safe.
 */
public interface ProgressListener {
  /** Called when a task starts. */
  void started(Progress task);

  /** Called once when a task is closed. */
  void ended(Progress task);
}
