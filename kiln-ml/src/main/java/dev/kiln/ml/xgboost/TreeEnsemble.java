package dev.kiln.ml.xgboost;

import dev.kiln.core.KilnException;
import dev.kiln.ml.FeatureMatrix;
import dev.kiln.ml.OneHotBlock;
import java.util.Arrays;

/**
 * An XGBoost tree model (gbtree or dart) compiled from its JSON into one flat node table ({@link
 * TreeTable}) and evaluated in plain Java: no native call, no lock, no per-row objects. Rows are
 * predicted in blocks of {@value #BLOCK}: each tree is walked by the whole block while its nodes
 * are in cache, four rows at a time in lockstep, with no branch on a split's outcome, so the
 * walks of different rows overlap. It follows XGBoost's
 * predictor in float arithmetic — margins start at the objective's margin of the base score, each
 * row adds the leaves of the trees in order (dart: weighted as XGBoost's in-place prediction
 * does), missing values (NaN) take each split's default branch, categorical splits send the
 * categories of the split's set right — then applies the objective's transform, so its results
 * are XGBoost's bit for bit at any batch size. Every objective of XGBoost 1.7–3.0 is supported
 * (see {@link Objective}); multi-target trees with vector leaves are not. A model trained with
 * early stopping is evaluated with the rounds up to its {@code best_iteration}, as XGBoost's
 * scikit-learn API predicts it.
 */
public final class TreeEnsemble implements JavaPredictor {
  /** Rows whose margins are summed together: each tree is walked by all of them in turn. */
  static final int BLOCK = 64;
  /** Rows that walk a tree in lockstep. */
  private static final int LANES = 4;

  private final Objective objective;
  private final int groups;
  private final int numFeatures;
  private final float baseMargin;
  private final TreeTable table;
  private final String description;

  private TreeEnsemble(TreeTable table, XGBoostJson m) {
    this.description = String.format(java.util.Locale.ROOT, "%s, %d trees, depth <= %d, %d nodes,"
        + " %d features", m.objective(), table.trees(), table.maxDepth(), table.size(),
        m.numFeature());
    this.objective = Objective.of(m.objective());
    this.groups = m.outputs();
    this.numFeatures = m.numFeature();
    this.baseMargin = objective.margin(m.baseScore());
    this.table = table;
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
    return new TreeEnsemble(TreeTable.read(m), m);
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
    float[] margins = new float[Math.min(rows, BLOCK) * groups];
    float[] margin = new float[groups];
    int k = outputsPerRow();
    for (int from = 0; from < rows; from += BLOCK) {
      int n = Math.min(BLOCK, rows - from);
      Arrays.fill(margins, 0, n * groups, baseMargin);
      for (int t = 0; t < table.trees(); t++) {
        walk(t, features, from, n, margins);
      }
      for (int r = 0; r < n; r++) {
        System.arraycopy(margins, r * groups, margin, 0, groups);
        objective.transform(margin, out, (from + r) * k);
      }
    }
  }

  /**
   * Walks tree t with the {@code n} rows from row {@code from} and adds their leaves to their
   * margins. Rows go {@value #LANES} at a time, level by level in lockstep: their walks do not
   * depend on each other, so the processor overlaps them.
   */
  private void walk(int t, float[] x, int from, int n, float[] margins) {
    int root = table.roots[t];
    int levels = table.depth[t];
    int r = 0;
    for (; r + LANES <= n; r += LANES) {
      int row0 = (from + r) * numFeatures;
      int row1 = row0 + numFeatures;
      int row2 = row1 + numFeatures;
      int row3 = row2 + numFeatures;
      int a0 = root;
      int a1 = root;
      int a2 = root;
      int a3 = root;
      for (int level = 0; level < levels; level++) {
        a0 = table.next(a0, x, row0);
        a1 = table.next(a1, x, row1);
        a2 = table.next(a2, x, row2);
        a3 = table.next(a3, x, row3);
      }
      add(margins, r * groups, t, table.value(a0));
      add(margins, (r + 1) * groups, t, table.value(a1));
      add(margins, (r + 2) * groups, t, table.value(a2));
      add(margins, (r + 3) * groups, t, table.value(a3));
    }
    for (; r < n; r++) {
      int row = (from + r) * numFeatures;
      int a = root;
      for (int level = 0; level < levels; level++) {
        a = table.next(a, x, row);
      }
      add(margins, r * groups, t, table.value(a));
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
      Arrays.fill(margin, baseMargin);
      int offset = r * width;
      for (int t = 0; t < table.trees(); t++) {
        int n = table.roots[t];
        while (!table.leaf(n)) {
          int feature = table.nodes[n] & TreeTable.FEATURE;
          int b = block[feature];
          n = table.step(n, b < 0 ? dense[offset + slot[feature]]
              : codes[b][r] == slot[feature] ? 1f : Float.NaN);
        }
        add(margin, 0, t, table.value(n));
      }
      objective.transform(margin, out, r * k);
    }
  }

  /** Returns the objective and the ensemble's size, e.g. for a log line. */
  @Override
  public String toString() {
    return description;
  }

  /** Adds tree t's leaf to the margins of a row starting at {@code row}. */
  private void add(float[] margins, int row, int t, float leaf) {
    int i = row + table.treeGroup[t];
    margins[i] += table.treeWeight == null ? leaf
        : ((baseMargin + leaf) - baseMargin) * table.treeWeight[t];
  }
}
