package dev.kiln.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Concurrent callers share model calls and each gets exactly its own rows back. */
class MicroBatcherTest {
  /** A model returning 10 x the first feature of each row, slowly, counting its calls. */
  private static final class Doubling implements MicroBatcher.BatchModel {
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public double[] predict(float[] features, int rows) {
      calls.incrementAndGet();
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      double[] out = new double[rows];
      for (int r = 0; r < rows; r++) {
        out[r] = features[r * 2] * 10;
      }
      return out;
    }
  }

  @Test
  void concurrent_requests_are_coalesced_and_answered_with_their_own_rows() throws Exception {
    Doubling model = new Doubling();
    ConcurrentLinkedQueue<Integer> sizes = new ConcurrentLinkedQueue<>();
    BatchingConfig config = new BatchingConfig(true, 64, Duration.ofMillis(2), 1000);
    List<String> errors = new ArrayList<>();
    try (MicroBatcher batcher = new MicroBatcher("t", model, 2, config, sizes::add)) {
      int callers = 16;
      int each = 50;
      CountDownLatch done = new CountDownLatch(callers);
      for (int c = 0; c < callers; c++) {
        int caller = c;
        new Thread(() -> {
          for (int i = 0; i < each; i++) {
            int rows = 1 + (i % 3);
            float[] x = new float[rows * 2];
            for (int r = 0; r < rows; r++) {
              x[r * 2] = caller * 1000 + i * 10 + r;
            }
            double[] y = batcher.predict(x, rows);
            for (int r = 0; r < rows; r++) {
              if (y.length != rows || y[r] != x[r * 2] * 10) {
                synchronized (errors) {
                  errors.add("caller " + caller + " request " + i + " row " + r);
                }
              }
            }
          }
          done.countDown();
        }).start();
      }
      done.await();
    }
    assertThat(errors).isEmpty();
    assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(16 * (17 + 17 * 2 + 16 * 3));
    assertThat(model.calls.get()).as("model calls for 800 requests").isLessThan(400);
    assertThat(sizes).allMatch(s -> s <= 64);
  }

  @Test
  @Timeout(120) // a lone request waiting for its batch would hang for the hour set below
  void a_lone_request_does_not_wait_and_a_closed_batcher_still_answers() {
    Doubling model = new Doubling();
    BatchingConfig config = new BatchingConfig(true, 64, Duration.ofHours(1), 10);
    MicroBatcher batcher = new MicroBatcher("t", model, 2, config, rows -> { });
    assertThat(batcher.predict(new float[] {3, 0}, 1)).containsExactly(30);
    batcher.close();
    assertThat(batcher.predict(new float[] {4, 0}, 1)).containsExactly(40);
  }

  @Test
  void disabled_batching_calls_the_model_per_request() {
    Doubling model = new Doubling();
    try (MicroBatcher batcher = new MicroBatcher("t", model, 2, BatchingConfig.disabled(),
        rows -> { })) {
      batcher.predict(new float[] {1, 0}, 1);
      batcher.predict(new float[] {2, 0}, 1);
    }
    assertThat(model.calls.get()).isEqualTo(2);
  }

  @Test
  void calibration_ignores_a_pause_of_the_machine_and_turns_batching_off_for_a_fast_model() {
    AtomicInteger calls = new AtomicInteger();
    MicroBatcher.BatchModel fast = (features, rows) -> {
      if (calls.incrementAndGet() == 50) {
        sleep(30); // a preemption or collection: the mean of all calls would be over 100 us
      }
      return new double[rows];
    };
    try (MicroBatcher batcher = new MicroBatcher("t", fast, 1, BatchingConfig.defaults(),
        rows -> { })) {
      long cost = batcher.calibrate(new float[1]);
      assertThat(cost).isLessThan(MicroBatcher.HANDOFF_NANOS);
      assertThat(batcher.batching()).isFalse();
      assertThat(batcher.describeBatching()).startsWith("off: a one-row model call takes")
          .endsWith("less than a hand-off between threads");
    }
  }

  @Test
  void calibration_keeps_batching_for_a_model_with_a_fixed_cost_per_call() {
    MicroBatcher.BatchModel slow = (features, rows) -> {
      long until = System.nanoTime() + 2 * MicroBatcher.HANDOFF_NANOS;
      while (System.nanoTime() < until) {
        Thread.onSpinWait();
      }
      return new double[rows];
    };
    try (MicroBatcher batcher = new MicroBatcher("t", slow, 1, BatchingConfig.defaults(),
        rows -> { })) {
      assertThat(batcher.calibrate(new float[1])).isGreaterThanOrEqualTo(
          2 * MicroBatcher.HANDOFF_NANOS);
      assertThat(batcher.batching()).isTrue();
      assertThat(batcher.describeBatching()).startsWith("on (a one-row model call takes");
    }
    try (MicroBatcher off = new MicroBatcher("t", slow, 1, BatchingConfig.disabled(),
        rows -> { })) {
      assertThat(off.describeBatching()).isEqualTo("off (disabled)");
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
