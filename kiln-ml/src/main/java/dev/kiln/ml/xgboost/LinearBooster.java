package dev.kiln.ml.xgboost;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.KilnException;

/**
 * An XGBoost gblinear model evaluated in plain Java as XGBoost does (gblinear has no in-place
 * prediction): per output, the bias plus the base margin, then each present feature's value
 * times its weight, added in feature order in float; missing values (NaN) are skipped.
 */
final class LinearBooster implements JavaPredictor {
  private final Objective objective;
  private final int groups;
  private final int numFeatures;
  private final float baseMargin;
  private final float[] weights;

  private LinearBooster(XGBoostJson m, float[] weights) {
    this.objective = Objective.of(m.objective());
    this.groups = m.outputs();
    this.numFeatures = m.numFeature();
    this.baseMargin = objective.margin(m.baseScore());
    this.weights = weights;
  }

  static LinearBooster compile(XGBoostJson m) {
    Objective.of(m.objective());
    JsonNode w = m.model().path("weights");
    if (w.size() != (m.numFeature() + 1) * m.outputs()) {
      throw new KilnException("The gblinear model has " + w.size() + " weights, expected ("
          + m.numFeature() + " features + bias) x " + m.outputs() + " outputs.",
          "pass a model saved by XGBoost");
    }
    float[] weights = new float[w.size()];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = (float) w.get(i).asDouble();
    }
    return new LinearBooster(m, weights);
  }

  @Override
  public int outputsPerRow() {
    return objective.outputs(groups);
  }

  @Override
  public int features() {
    return numFeatures;
  }

  @Override
  public void predict(float[] features, int rows, double[] out) {
    int k = outputsPerRow();
    float[] margin = new float[groups];
    for (int r = 0; r < rows; r++) {
      int offset = r * numFeatures;
      for (int g = 0; g < groups; g++) {
        float sum = weights[numFeatures * groups + g] + baseMargin;
        for (int f = 0; f < numFeatures; f++) {
          float x = features[offset + f];
          if (!Float.isNaN(x)) {
            sum += x * weights[f * groups + g];
          }
        }
        margin[g] = sum;
      }
      objective.transform(margin, out, r * k);
    }
  }
}
