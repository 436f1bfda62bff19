package dev.kiln.ml.xgboost;

import dev.kiln.core.KilnException;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an XGBoost objective does at prediction time, in XGBoost's own float arithmetic: how the
 * stored base score becomes a margin ({@code ProbToMargin}) and how margins become predictions
 * ({@code PredTransform}), with glibc's expf and logf ({@link GlibcFloat}). Covers every
 * objective of XGBoost 1.7 to 3.0.
 */
enum Objective {
  /** Margins are the predictions: squared, squared-log, absolute, pseudo-Huber, quantile, rank. */
  IDENTITY,
  /** Logistic: base score through the logit, predictions through the sigmoid. */
  LOGISTIC,
  /** Log link: base score through log, predictions through expf (Poisson, gamma, Tweedie, Cox). */
  LOG_LINK,
  /** survival:aft: base score through log, predictions through exp in double, then float. */
  AFT,
  /** Hinge: 1 when the margin is positive, else 0. */
  HINGE,
  /** Softmax probabilities per class. */
  SOFTPROB,
  /** The index of the largest margin (first on ties), one value per row. */
  SOFTMAX;

  private static final Map<String, Objective> BY_NAME = new TreeMap<>(Map.ofEntries(
      Map.entry("reg:squarederror", IDENTITY), Map.entry("reg:linear", IDENTITY),
      Map.entry("reg:squaredlogerror", IDENTITY), Map.entry("reg:pseudohubererror", IDENTITY),
      Map.entry("reg:absoluteerror", IDENTITY), Map.entry("reg:quantileerror", IDENTITY),
      Map.entry("binary:logitraw", IDENTITY), Map.entry("rank:pairwise", IDENTITY),
      Map.entry("rank:ndcg", IDENTITY), Map.entry("rank:map", IDENTITY),
      Map.entry("binary:logistic", LOGISTIC), Map.entry("reg:logistic", LOGISTIC),
      Map.entry("count:poisson", LOG_LINK), Map.entry("reg:gamma", LOG_LINK),
      Map.entry("reg:tweedie", LOG_LINK), Map.entry("survival:cox", LOG_LINK),
      Map.entry("survival:aft", AFT), Map.entry("binary:hinge", HINGE),
      Map.entry("multi:softprob", SOFTPROB), Map.entry("multi:softmax", SOFTMAX)));

  /**
   * Returns the objective's prediction behaviour.
   *
   * @throws KilnException naming the known objectives if this one is not among them
   */
  static Objective of(String name) {
    Objective o = BY_NAME.get(name);
    if (o == null) {
      throw new KilnException("The plain-Java predictor does not know the XGBoost objective '"
          + name + "'.", "known: " + String.join(", ", BY_NAME.keySet()));
    }
    return o;
  }

  /** Returns the values per row after the transform, given the margins per row. */
  int outputs(int margins) {
    return this == SOFTMAX ? 1 : margins;
  }

  /** Returns the margin of a base score, as XGBoost's ProbToMargin computes it in float. */
  float margin(float baseScore) {
    return switch (this) {
      case LOGISTIC -> -GlibcFloat.logf(1.0f / baseScore - 1.0f);
      case LOG_LINK, AFT -> GlibcFloat.logf(baseScore);
      default -> baseScore;
    };
  }

  /** Transforms one row's margins into its predictions at {@code out[at...]}. */
  void transform(float[] margin, double[] out, int at) {
    switch (this) {
      case LOGISTIC -> out[at] = 1.0f / (GlibcFloat.expf(Math.min(-margin[0], 88.7f)) + 1.0f
          + 1e-16f);
      case LOG_LINK -> {
        for (int k = 0; k < margin.length; k++) {
          out[at + k] = GlibcFloat.expf(margin[k]);
        }
      }
      case AFT -> {
        for (int k = 0; k < margin.length; k++) {
          out[at + k] = (float) Math.exp(margin[k]);
        }
      }
      case HINGE -> out[at] = margin[0] > 0 ? 1 : 0;
      case SOFTPROB -> softmax(margin, out, at);
      case SOFTMAX -> {
        int best = 0;
        for (int k = 1; k < margin.length; k++) {
          best = margin[k] > margin[best] ? k : best;
        }
        out[at] = best;
      }
      default -> {
        for (int k = 0; k < margin.length; k++) {
          out[at + k] = margin[k];
        }
      }
    }
  }

  /** XGBoost's common::Softmax: float exponentials, a double sum, float division. */
  private static void softmax(float[] margin, double[] out, int at) {
    float max = margin[0];
    for (int k = 1; k < margin.length; k++) {
      max = Math.max(margin[k], max);
    }
    double sum = 0;
    float[] e = new float[margin.length];
    for (int k = 0; k < margin.length; k++) {
      e[k] = GlibcFloat.expf(margin[k] - max);
      sum += e[k];
    }
    for (int k = 0; k < margin.length; k++) {
      out[at + k] = e[k] / (float) sum;
    }
  }
}
