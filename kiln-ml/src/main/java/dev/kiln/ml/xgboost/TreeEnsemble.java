package dev.kiln.ml.xgboost;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.KilnException;
import dev.kiln.ml.FeatureMatrix;
import dev.kiln.ml.OneHotBlock;

/**
 * An XGBoost tree model (gbtree or dart) compiled from its JSON into flat arrays and evaluated in
 * plain Java: no native call, no lock, a few microseconds per row. It follows XGBoost's predictor
 * step by step in float arithmetic — margins start at the objective's margin of the base score,
 * trees add their leaves in order (dart: weighted as XGBoost's in-place prediction does), missing
 * values (NaN) take each split's default branch, categorical splits send the categories of the
 * split's set right — then applies the objective's transform. Every objective of XGBoost 1.7–3.0
 * is supported (see {@link Objective}); multi-target trees with vector leaves are not. A model
 * trained with early stopping is evaluated with the rounds up to its {@code best_iteration}, as
 * XGBoost's scikit-learn API predicts it.
 */
public final class TreeEnsemble implements JavaPredictor {
  private final Objective objective;
  private final int groups;
  private final int numFeatures;
  private final float baseMargin;
  private final int[] roots;
  private final int[] treeGroup;
  private final float[] treeWeight;
  private final int[] left;
  private final int[] right;
  private final int[] feature;
  private final float[] value;
  private final boolean[] defaultLeft;
  private final int[] catStart;
  private final int[] catEnd;
  private final int[] categories;

  private TreeEnsemble(TreeReader r, XGBoostJson m) {
    this.objective = Objective.of(m.objective());
    this.groups = m.outputs();
    this.numFeatures = m.numFeature();
    this.baseMargin = objective.margin(m.baseScore());
    this.roots = r.roots;
    this.treeGroup = r.treeGroup;
    this.treeWeight = r.treeWeight;
    this.left = r.left;
    this.right = r.right;
    this.feature = r.feature;
    this.value = r.value;
    this.defaultLeft = r.defaultLeft;
    this.catStart = r.catStart;
    this.catEnd = r.catEnd;
    this.categories = r.categories;
  }

  /**
   * Compiles a gbtree or dart model from XGBoost's JSON.
   *
   * @throws KilnException if the JSON is not such a model, or it uses vector leaves or an unknown
   *     objective ({@link XGBoostModel} predicts those through XGBoost itself)
   */
  public static TreeEnsemble fromJson(byte[] json) {
    return compile(XGBoostJson.parse(json));
  }

  static TreeEnsemble compile(XGBoostJson m) {
    if (!m.booster().equals("gbtree") && !m.booster().equals("dart")) {
      throw new KilnException("Only gbtree and dart XGBoost models are tree ensembles, not '"
          + m.booster() + "'.", "load it with XGBoostModel.load, which predicts any booster");
    }
    Objective.of(m.objective());
    return new TreeEnsemble(new TreeReader(m), m);
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
      java.util.Arrays.fill(margin, baseMargin);
      int offset = r * numFeatures;
      for (int t = 0; t < roots.length; t++) {
        add(margin, t, leafValue(roots[t], features, offset));
      }
      objective.transform(margin, out, r * k);
    }
  }

  /**
   * Predicts rows whose one-hot blocks are codes, without making them dense: at a split on a
   * block's feature the value is 1 when the row's code is that feature and missing otherwise,
   * as XGBoost reads the CSR matrix it was trained on.
   */
  void predict(FeatureMatrix x, double[] out) {
    int[] slot = new int[numFeatures];
    int[] block = new int[numFeatures];
    int f = 0;
    int d = 0;
    int[][] codes = new int[x.oneHot().size()][];
    for (int b = 0; b < codes.length; b++) {
      OneHotBlock ob = x.oneHot().get(b);
      codes[b] = ob.codes();
      for (; f < ob.start(); f++) {
        slot[f] = d++;
        block[f] = -1;
      }
      for (; f < ob.start() + ob.width(); f++) {
        slot[f] = f - ob.start();
        block[f] = b;
      }
    }
    for (; f < numFeatures; f++) {
      slot[f] = d++;
      block[f] = -1;
    }
    int k = outputsPerRow();
    int width = x.denseWidth();
    float[] dense = x.dense();
    float[] margin = new float[groups];
    for (int r = 0; r < x.rows(); r++) {
      java.util.Arrays.fill(margin, baseMargin);
      int offset = r * width;
      for (int t = 0; t < roots.length; t++) {
        int n = roots[t];
        while (left[n] >= 0) {
          int b = block[feature[n]];
          n = next(n, b < 0 ? dense[offset + slot[feature[n]]]
              : codes[b][r] == slot[feature[n]] ? 1f : Float.NaN);
        }
        add(margin, t, value[n]);
      }
      objective.transform(margin, out, r * k);
    }
  }

  private void add(float[] margin, int t, float leaf) {
    int g = treeGroup[t];
    margin[g] += treeWeight == null ? leaf : ((baseMargin + leaf) - baseMargin) * treeWeight[t];
  }

  private float leafValue(int node, float[] x, int offset) {
    int n = node;
    while (left[n] >= 0) {
      n = next(n, x[offset + feature[n]]);
    }
    return value[n];
  }

  /** Returns the child of split node n that value v goes to (NaN: missing). */
  private int next(int n, float v) {
    if (Float.isNaN(v)) {
      return defaultLeft[n] ? left[n] : right[n];
    } else if (catStart[n] >= 0) {
      return inSet(n, v) ? right[n] : left[n];
    }
    return v < value[n] ? left[n] : right[n];
  }

  /**
   * XGBoost's categorical decision: a value is its category when in [0, 2^24), truncated to an
   * integer; categories in the split's set (sorted when read, so a binary search finds them) go
   * right, everything else (negative, too large, not in the set) goes left.
   */
  private boolean inSet(int node, float v) {
    if (v < 0 || v >= 16_777_216f) {
      return false;
    }
    return java.util.Arrays.binarySearch(categories, catStart[node], catEnd[node], (int) v) >= 0;
  }

  /** Reads the trees of a model into flat arrays; one tree's nodes follow another's. */
  private static final class TreeReader {
    int[] roots;
    int[] treeGroup;
    float[] treeWeight;
    int[] left;
    int[] right;
    int[] feature;
    float[] value;
    boolean[] defaultLeft;
    int[] catStart;
    int[] catEnd;
    int[] categories;

    TreeReader(XGBoostJson m) {
      JsonNode trees = m.model().path("trees");
      JsonNode info = m.model().path("tree_info");
      int count = m.treeEnd();
      int total = 0;
      int cats = 0;
      for (int i = 0; i < count; i++) {
        JsonNode t = trees.get(i);
        if (t.path("tree_param").path("size_leaf_vector").asInt(1) > 1) {
          throw new KilnException("The model has multi-target trees (vector leaves), which the"
              + " plain-Java predictor does not evaluate.", "XGBoostModel predicts them natively");
        }
        total += t.path("left_children").size();
        cats += t.path("categories").size();
      }
      roots = new int[count];
      treeGroup = new int[count];
      treeWeight = m.dartWeights() == null ? null : new float[count];
      left = new int[total];
      right = new int[total];
      feature = new int[total];
      value = new float[total];
      defaultLeft = new boolean[total];
      catStart = new int[total];
      catEnd = new int[total];
      categories = new int[cats];
      int base = 0;
      int catBase = 0;
      for (int t = 0; t < count; t++) {
        roots[t] = base;
        treeGroup[t] = info.get(t).asInt();
        if (treeGroup[t] < 0 || treeGroup[t] >= m.outputs()) {
          throw new KilnException("Tree " + t + " belongs to output " + treeGroup[t] + " of "
              + m.outputs() + ".", "pass a model saved by XGBoost");
        }
        if (treeWeight != null) {
          treeWeight[t] = (float) m.dartWeights().get(t).asDouble();
        }
        catBase = readCategories(trees.get(t), base, catBase);
        base = readTree(trees.get(t), base);
      }
    }

    private int readTree(JsonNode tree, int base) {
      JsonNode lefts = tree.path("left_children");
      for (int i = 0; i < lefts.size(); i++) {
        int l = lefts.get(i).asInt();
        left[base + i] = l < 0 ? -1 : base + l;
        right[base + i] = l < 0 ? -1 : base + tree.path("right_children").get(i).asInt();
        feature[base + i] = tree.path("split_indices").get(i).asInt();
        value[base + i] = (float) tree.path("split_conditions").get(i).asDouble();
        defaultLeft[base + i] = tree.path("default_left").get(i).asInt() == 1;
      }
      return base + lefts.size();
    }

    /** Marks every node numerical (-1), then records the category sets of categorical ones. */
    private int readCategories(JsonNode tree, int base, int catBase) {
      int n = tree.path("left_children").size();
      java.util.Arrays.fill(catStart, base, base + n, -1);
      JsonNode nodes = tree.path("categories_nodes");
      JsonNode all = tree.path("categories");
      for (int j = 0; j < nodes.size(); j++) {
        int node = base + nodes.get(j).asInt();
        int from = tree.path("categories_segments").get(j).asInt();
        int size = tree.path("categories_sizes").get(j).asInt();
        catStart[node] = catBase + from;
        catEnd[node] = catBase + from + size;
      }
      for (int i = 0; i < all.size(); i++) {
        categories[catBase + i] = all.get(i).asInt();
      }
      for (int j = 0; j < nodes.size(); j++) {
        int node = base + nodes.get(j).asInt();
        java.util.Arrays.sort(categories, catStart[node], catEnd[node]);
      }
      return catBase + all.size();
    }
  }
}
