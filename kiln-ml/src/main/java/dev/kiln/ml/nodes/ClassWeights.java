package dev.kiln.ml.nodes;

import dev.kiln.ml.Task;
import dev.kiln.ml.TrainingData;

/** {@code class_weight: balanced}: weighs each row by n / (classes x rows of its class). */
final class ClassWeights {
  private ClassWeights() {}

  static TrainingData apply(TrainingData data, Task task, String classWeight) {
    if (classWeight == null || task == Task.REGRESSION) {
      return data;
    }
    int[] y = data.classLabels();
    int k = 0;
    for (int c : y) {
      k = Math.max(k, c + 1);
    }
    long[] counts = new long[k];
    for (int c : y) {
      counts[c]++;
    }
    float[] weights = new float[y.length];
    for (int i = 0; i < y.length; i++) {
      weights[i] = (float) ((double) y.length / (k * counts[y[i]]));
    }
    return data.withWeights(weights);
  }
}
