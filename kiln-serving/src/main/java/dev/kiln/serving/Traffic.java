package dev.kiln.serving;

/**
 * How a challenger version shares a model's traffic.
 *
 * @param mode none, canary (answers a share of requests) or shadow (sees every request, answers
 *     none)
 * @param percent the canary's share of requests, 0–100
 */
public record Traffic(Mode mode, double percent) {
  /** Traffic modes. */
  public enum Mode { NONE, CANARY, SHADOW }

  /** Validates the share. */
  public Traffic {
    if (percent < 0 || percent > 100 || Double.isNaN(percent)) {
      throw new IllegalArgumentException("canary percent must be within 0..100, got " + percent);
    }
  }

  /** No challenger. */
  public static Traffic none() {
    return new Traffic(Mode.NONE, 0);
  }
}
