package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Plain progress lines, for when stderr is not a terminal. */
class StderrProgressTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void lines_atMostOnePerInterval_withNoCursorCodes() {
    AtomicLong now = new AtomicLong(0);
    StringWriter text = new StringWriter();
    try (StderrProgress progress = new StderrProgress.Lines("Scoring", "rows",
        new PrintWriter(text), now::get, Duration.ofSeconds(10))) {
      progress.accept(100_000);
      now.set(9 * SECOND);
      progress.accept(200_000);
      now.set(11 * SECOND);
      progress.accept(300_000);
      now.set(15 * SECOND);
      progress.accept(400_000);
      now.set(21 * SECOND + SECOND / 2);
      progress.accept(1_234_567);
    }
    assertThat(text.toString()).isEqualTo("Scoring: 300,000 rows after 11 s%n"
        .formatted() + "Scoring: 1,234,567 rows after 21 s%n".formatted());
    assertThat(text.toString()).doesNotContain("\r").doesNotContain("\u001b");
  }
}
