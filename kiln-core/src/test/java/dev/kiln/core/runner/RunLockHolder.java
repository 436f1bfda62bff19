package dev.kiln.core.runner;

import java.nio.file.Path;

/**
 * A child process for {@link RunStateStoreTest}: takes the lock of run {@code args[1]} under the
 * runs folder {@code args[0]}, prints {@code locked}, then holds it until killed.
 */
public final class RunLockHolder {
  private RunLockHolder() {}

  /** Entry point. */
  public static void main(String[] args) throws Exception {
    RunLock lock = RunLock.acquire(Path.of(args[0]), args[1]);
    System.out.println("locked " + ProcessHandle.current().pid());
    System.out.flush();
    new java.util.concurrent.CountDownLatch(1).await();
    lock.close();
  }
}
