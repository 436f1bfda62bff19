package dev.kiln.core.project;

import dev.kiln.core.hooks.Hook;
import dev.kiln.core.pipeline.Node;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * A child process for {@link ResumeAfterKillTest}: runs pipeline {@code main} of the project in
 * {@code args[0]} and, at hook point {@code args[1]} ({@code before} or {@code after}) of node
 * {@code args[2]}, prints {@code paused} and waits to be killed.
 */
public final class PausingRunProcess {
  private PausingRunProcess() {}

  /** Entry point. */
  public static void main(String[] args) {
    String point = args[1];
    String target = args[2];
    Hook pause = new Hook() {
      @Override
      public void beforeNodeRun(Node node, Map<String, Object> inputs) {
        pauseAt("before", node);
      }

      @Override
      public void afterNodeRun(Node node, Map<String, Object> outputs, boolean cached) {
        pauseAt("after", node);
      }

      private void pauseAt(String here, Node node) {
        if (here.equals(point) && node.name().equals(target)) {
          System.out.println("paused");
          System.out.flush();
          try {
            new CountDownLatch(1).await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      }
    };
    Project project = Project.open(Path.of(args[0]), "local", List.of());
    ProjectRunner.run(project, RunRequest.builder("main").hooks(List.of(pause)).build());
  }
}
