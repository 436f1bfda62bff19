package dev.kiln.ml.xgboost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.core.KilnException;
import java.io.IOException;

/**
 * An XGBoost tree model (gbtree) compiled from its JSON into flat arrays and evaluated in plain
 * Java: no native call, no lock, a few microseconds per row. Supports binary:logistic,
 * multi:softprob / multi:softmax (probabilities), reg:squarederror and other identity-link
 * objectives, base_score, and missing values following each split's default direction.
 * Categorical splits send the codes in a node's category set right and other codes left (NaN
 * follows the default direction), as XGBoost's own predictor does.
 */
public final class TreeEnsemble {
  private final int[] roots;
  private final int[] left;
  private final int[] right;
  private final int[] feature;
  private final float[] threshold;
  private final boolean[] defaultLeft;
  private final int[][] categories;
  private final int[] treeClass;
  private final double[] baseMargin;
  private final int numClass;
  private final int numFeatures;
  private final String objective;

  private TreeEnsemble(Builder b) {
    this.roots = b.roots;
    this.left = b.left;
    this.right = b.right;
    this.feature = b.feature;
    this.threshold = b.threshold;
    this.defaultLeft = b.defaultLeft;
    this.categories = b.categories;
    this.treeClass = b.treeClass;
    this.baseMargin = b.baseMargin;
    this.numClass = b.numClass;
    this.numFeatures = b.numFeatures;
    this.objective = b.objective;
  }

  /**
   * Compiles a model from XGBoost's JSON.
   *
   * @throws KilnException if the JSON is not a gbtree model, or uses an
   *     objective this predictor does not know
   */
  public static TreeEnsemble fromJson(byte[] json) {
    try {
      return new Builder(new ObjectMapper().readTree(json)).build();
    } catch (IOException | RuntimeException e) {
      if (e instanceof KilnException k) {
        throw k;
      }
      throw new KilnException("Cannot compile the XGBoost JSON model: " + e.getMessage(),
          "pass a gbtree model saved as JSON by XGBoost 1.6 or newer", e);
    }
  }

  /** Returns the number of output values per row: 1, or the number of classes. */
  public int outputsPerRow() {
    return Math.max(1, numClass);
  }

  /**
   * Predicts rows of a row-major matrix (NaN = missing) into {@code out} (rows x outputsPerRow):
   * probabilities for classification, values for regression.
   */
  public void predict(float[] features, int rows, double[] out) {
    int k = outputsPerRow();
    double[] margin = new double[k];
    for (int r = 0; r < rows; r++) {
      System.arraycopy(baseMargin, 0, margin, 0, k);
      int offset = r * numFeatures;
      for (int t = 0; t < roots.length; t++) {
        margin[treeClass[t]] += leafValue(roots[t], features, offset);
      }
      transform(margin, out, r * k);
    }
  }

  private float leafValue(int node, float[] x, int offset) {
    int n = node;
    while (left[n] >= 0) {
      float v = x[offset + feature[n]];
      if (Float.isNaN(v)) {
        n = defaultLeft[n] ? left[n] : right[n];
      } else if (categories[n] != null) {
        n = v >= 0 && java.util.Arrays.binarySearch(categories[n], (int) v) >= 0 ? right[n]
            : left[n];
      } else {
        n = v < threshold[n] ? left[n] : right[n];
      }
    }
    return threshold[n];
  }

  private void transform(double[] margin, double[] out, int at) {
    if (objective.equals("binary:logistic") || objective.equals("reg:logistic")) {
      out[at] = 1 / (1 + Math.exp(-margin[0]));
    } else if (objective.startsWith("multi:")) {
      double max = Double.NEGATIVE_INFINITY;
      for (double m : margin) {
        max = Math.max(max, m);
      }
      double sum = 0;
      for (int c = 0; c < margin.length; c++) {
        out[at + c] = Math.exp(margin[c] - max);
        sum += out[at + c];
      }
      for (int c = 0; c < margin.length; c++) {
        out[at + c] /= sum;
      }
    } else {
      out[at] = margin[0];
    }
  }

  /** Reads the JSON into flat arrays; one tree's nodes follow another's. */
  private static final class Builder {
    int[] roots;
    int[] left;
    int[] right;
    int[] feature;
    float[] threshold;
    boolean[] defaultLeft;
    int[][] categories;
    int[] treeClass;
    double[] baseMargin;
    int numClass;
    int numFeatures;
    String objective;

    Builder(JsonNode root) {
      JsonNode learner = root.path("learner");
      JsonNode params = learner.path("learner_model_param");
      objective = learner.path("objective").path("name").asText();
      if (!learner.path("gradient_booster").path("name").asText().equals("gbtree")) {
        throw new KilnException("Only gbtree XGBoost models can be compiled, not '"
            + learner.path("gradient_booster").path("name").asText() + "'.", null);
      }
      numClass = Integer.parseInt(params.path("num_class").asText("0"));
      numFeatures = Integer.parseInt(params.path("num_feature").asText());
      baseMargin = baseMargin(params.path("base_score").asText(), Math.max(1, numClass));
      JsonNode model = learner.path("gradient_booster").path("model");
      readTrees(model.path("trees"), model.path("tree_info"));
    }

    private double[] baseMargin(String text, int outputs) {
      String[] parts = text.replace("[", "").replace("]", "").split(",");
      double[] result = new double[outputs];
      for (int k = 0; k < outputs; k++) {
        double score = Double.parseDouble(parts[Math.min(k, parts.length - 1)].trim());
        boolean logit = objective.equals("binary:logistic") || objective.equals("reg:logistic");
        result[k] = logit ? Math.log(score / (1 - score)) : score;
      }
      return result;
    }

    private void readTrees(JsonNode trees, JsonNode info) {
      int total = 0;
      for (JsonNode t : trees) {
        total += t.path("left_children").size();
      }
      roots = new int[trees.size()];
      treeClass = new int[trees.size()];
      left = new int[total];
      right = new int[total];
      feature = new int[total];
      threshold = new float[total];
      defaultLeft = new boolean[total];
      categories = new int[total][];
      int base = 0;
      for (int t = 0; t < trees.size(); t++) {
        JsonNode tree = trees.get(t);
        roots[t] = base;
        treeClass[t] = numClass > 0 ? info.get(t).asInt() : 0;
        base = readTree(tree, base);
      }
    }

    private int readTree(JsonNode tree, int base) {
      int n = tree.path("left_children").size();
      for (int i = 0; i < n; i++) {
        int l = tree.path("left_children").get(i).asInt();
        left[base + i] = l < 0 ? -1 : base + l;
        right[base + i] = l < 0 ? -1 : base + tree.path("right_children").get(i).asInt();
        feature[base + i] = tree.path("split_indices").get(i).asInt();
        threshold[base + i] = (float) tree.path("split_conditions").get(i).asDouble();
        defaultLeft[base + i] = tree.path("default_left").get(i).asInt() == 1;
      }
      readCategories(tree, base);
      return base + n;
    }

    /** Reads each categorical node's sorted category set. */
    private void readCategories(JsonNode tree, int base) {
      JsonNode nodes = tree.path("categories_nodes");
      for (int j = 0; j < nodes.size(); j++) {
        int start = tree.path("categories_segments").get(j).asInt();
        int[] set = new int[tree.path("categories_sizes").get(j).asInt()];
        for (int k = 0; k < set.length; k++) {
          set[k] = tree.path("categories").get(start + k).asInt();
        }
        java.util.Arrays.sort(set);
        categories[base + nodes.get(j).asInt()] = set;
      }
    }

    TreeEnsemble build() {
      return new TreeEnsemble(this);
    }
  }
}
