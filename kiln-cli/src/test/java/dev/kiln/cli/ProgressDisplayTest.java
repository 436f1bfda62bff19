package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.core.KilnException;
import dev.kiln.core.progress.Progress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The progress display, driven by a hand-moved clock instead of its ticker thread. */
class ProgressDisplayTest {
  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
  private final StringWriter text = new StringWriter();
  private long now;

  private ProgressDisplay display(ProgressMode mode) {
    ProgressDisplay d = new ProgressDisplay(new PrintWriter(text), mode, () -> now, 10 * SECOND);
    d.prefix(() -> "[1/3]");
    return d;
  }

  @Test
  void plain_printsATaskLineEveryInterval_andALastLine_neverCursorCodes() {
    ProgressDisplay d = display(ProgressMode.PLAIN);
    d.ownerStarted("train");
    try (Progress.Scope scope = Progress.reportTo(d.listener("train"));
        Progress rounds = Progress.start("boost", 500, "rounds")) {
      now += 5 * SECOND;
      rounds.stepTo(60);
      d.tick();
      assertThat(text.toString()).as("nothing before the interval").isEmpty();
      now += 5 * SECOND;
      rounds.stepTo(120);
      rounds.detail("validation aucpr 0.83");
      d.tick();
      now += SECOND;
      d.tick();
      rounds.stepTo(500);
      now += SECOND;
    }
    d.ownerEnded("train");
    d.println("[2/3] done train");
    assertThat(text.toString().lines()).containsExactly(
        "[1/3] train: boost 120/500 rounds (24%) 10.0s, ~31.7s left, validation aucpr 0.83",
        "[1/3] train: boost 500 rounds in 12.0s, validation aucpr 0.83",
        "[2/3] done train");
    assertThat(text.toString()).doesNotContain("\r").doesNotContain("\033");
  }

  @Test
  void plain_shortTask_printsNothing_andANodeWithoutTasks_saysItIsStillRunning() {
    ProgressDisplay d = display(ProgressMode.PLAIN);
    d.ownerStarted("clean");
    try (Progress.Scope scope = Progress.reportTo(d.listener("clean"))) {
      Progress.start("read raw.csv", 0, "rows").close();
    }
    now += 25 * SECOND;
    d.tick();
    now += 5 * SECOND;
    d.tick();
    assertThat(text.toString().lines()).containsExactly(
        "[1/3] clean: still running (25.0s)");
  }

  @Test
  void bar_redrawsOneStatusLine_andClearsItBeforeOrdinaryLines() {
    ProgressDisplay d = display(ProgressMode.BAR);
    d.ownerStarted("predict");
    Progress rows;
    try (Progress.Scope scope = Progress.reportTo(d.listener("predict"))) {
      rows = Progress.start("score in.csv", 1000, "rows");
    }
    rows.stepTo(250);
    now += 4 * SECOND;
    d.tick();
    String status = "[1/3] predict · score in.csv [######..................] 250/1,000 rows (25%)"
        + " 4.0s, ~12.0s left";
    assertThat(text.toString()).isEqualTo(status);
    d.println("a line");
    assertThat(text.toString()).isEqualTo(status + "\r\033[K" + "a line\n" + status);
    rows.close();
    d.ownerEnded("predict");
    d.close();
    assertThat(text.toString()).endsWith(status + "\r\033[K");
  }

  @Test
  void none_printsOnlyOrdinaryLines() {
    ProgressDisplay d = display(ProgressMode.NONE);
    d.ownerStarted("train");
    now += 60 * SECOND;
    d.tick();
    d.println("done");
    assertThat(text.toString()).isEqualTo("done\n");
  }

  @Test
  void mode_unknownValue_isRefusedWithTheChoices() {
    assertThat(ProgressMode.of("PLAIN")).isEqualTo(ProgressMode.PLAIN);
    assertThat(ProgressMode.of("auto")).as("tests run without a terminal")
        .isEqualTo(ProgressMode.PLAIN);
    assertThatThrownBy(() -> ProgressMode.of("fancy")).isInstanceOf(KilnException.class)
        .hasMessageContaining("--progress must be auto, bar, plain or none, got 'fancy'");
  }

  @Test
  void text_durationsAndCounts() {
    assertThat(ProgressText.duration(61 * SECOND)).isEqualTo("1m01s");
    assertThat(ProgressText.duration(3723 * SECOND)).isEqualTo("1h02m");
    assertThat(ProgressText.count(3_000_000)).isEqualTo("3,000,000");
    assertThat(ProgressText.bar(500, 500)).isEqualTo("[" + "#".repeat(24) + "]");
  }
}
