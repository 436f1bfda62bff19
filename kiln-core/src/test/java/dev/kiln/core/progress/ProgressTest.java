package dev.kiln.core.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressTest {
  /** Records starts and ends as text. */
  private static ProgressListener recorder(String name, List<String> calls) {
    return new ProgressListener() {
      @Override
      public void started(Progress task) {
        calls.add(name + " started " + task.unit());
      }

      @Override
      public void ended(Progress task) {
        calls.add(name + " ended " + task.unit() + " at " + task.done());
      }
    };
  }

  @Test
  void scopes_nest_andClosingRestoresTheOuterOne() {
    List<String> calls = new ArrayList<>();
    try (Progress.Scope outer = Progress.reportTo(recorder("outer", calls))) {
      try (Progress.Scope inner = Progress.reportTo(recorder("inner", calls))) {
        Progress.start("work", 10, "rows").close();
      }
      try (Progress rounds = Progress.start("work", 0, "rounds")) {
        rounds.stepTo(7);
      }
    }
    Progress.start("work", 2, "trials").close();
    assertThat(calls).containsExactly("inner started rows", "inner ended rows at 0",
        "outer started rounds", "outer ended rounds at 7");
  }

  @Test
  void close_endsOnce_andCountersStayReadable() {
    List<String> calls = new ArrayList<>();
    try (Progress.Scope scope = Progress.reportTo(recorder("s", calls))) {
      Progress task = Progress.start("work", -5, "rows");
      task.step(3);
      task.step(4);
      task.detail(null);
      task.close();
      task.close();
      assertThat(task.isClosed()).isTrue();
      assertThat(task.done()).isEqualTo(7);
      assertThat(task.total()).as("an unknown total reads as 0").isZero();
      assertThat(task.detail()).isEmpty();
    }
    assertThat(calls).containsExactly("s started rows", "s ended rows at 7");
  }
}
