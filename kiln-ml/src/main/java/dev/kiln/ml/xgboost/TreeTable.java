package dev.kiln.ml.xgboost;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.KilnException;
import java.util.Arrays;

/**
 * The trees of an XGBoost model as one flat node table, laid out for the cache: each node is
 * {@value #STRIDE} ints (16 bytes, four to a cache line) — split feature with flags, threshold
 * bits, index of its left child (the right child is the next node), leaf value bits — and the two
 * children of a node are adjacent, in breadth-first order per tree. A leaf points to itself and
 * never goes right, so a walk may take more steps than a path needs and stay on its leaf: a block
 * of rows walks a tree in lockstep, level by level, with no exit test per row.
 */
final class TreeTable {
  /** Ints per node: info, threshold (or category set), left child, leaf value. */
  static final int STRIDE = 4;
  /** Info flag: a missing value (NaN) goes left. */
  static final int DEFAULT_LEFT = 1 << 30;
  /** Info flag: a categorical split; the threshold slot holds the index of its category set. */
  static final int CATEGORICAL = 1 << 29;
  /** Info bits holding the split feature. */
  static final int FEATURE = CATEGORICAL - 1;
  /** Shifts {@link #DEFAULT_LEFT} to {@link #STRIDE}. */
  private static final int MISSING_SHIFT = Integer.numberOfTrailingZeros(DEFAULT_LEFT)
      - Integer.numberOfTrailingZeros(STRIDE);
  private static final int NAN_BITS = Float.floatToRawIntBits(Float.NaN);

  /** The node table, {@link #STRIDE} ints per node. */
  final int[] nodes;
  /** Index in {@link #nodes} of each tree's root. */
  final int[] roots;
  /** Levels of each tree: the most splits on any path from its root to a leaf. */
  final int[] depth;
  /** The output (class, target) each tree adds to. */
  final int[] treeGroup;
  /** dart's per-tree weights, or null. */
  final float[] treeWeight;
  private final int[] setStart;
  private final int[] setEnd;
  private final int[] categories;

  private TreeTable(Reader r) {
    this.nodes = r.nodes;
    this.roots = r.roots;
    this.depth = r.depth;
    this.treeGroup = r.treeGroup;
    this.treeWeight = r.treeWeight;
    this.setStart = r.setStart;
    this.setEnd = r.setEnd;
    this.categories = r.categories;
  }

  /**
   * Reads the trees prediction uses (up to best_iteration) from a gbtree or dart model.
   *
   * @throws KilnException if a tree has vector leaves or belongs to no output of the model
   */
  static TreeTable read(XGBoostJson m) {
    if (m.numFeature() > FEATURE) {
      throw new KilnException("The model has " + m.numFeature() + " features, more than the"
          + " plain-Java predictor indexes (" + FEATURE + ").", "XGBoostModel predicts it natively");
    }
    return new TreeTable(new Reader(m));
  }

  /** Returns the number of trees. */
  int trees() {
    return roots.length;
  }

  /** Returns the number of nodes. */
  int size() {
    return nodes.length / STRIDE;
  }

  /** Returns the depth of the deepest tree. */
  int maxDepth() {
    return Arrays.stream(depth).max().orElse(0);
  }

  /** Returns the node value {@code x} goes to from node {@code n} (a leaf stays where it is). */
  int step(int n, float x) {
    int info = nodes[n];
    boolean right;
    if ((info & CATEGORICAL) != 0 && x == x) {
      right = inSet(nodes[n + 1], x);
    } else {
      float threshold = Float.intBitsToFloat(nodes[n + 1]);
      right = (info & DEFAULT_LEFT) != 0 ? x >= threshold : !(x < threshold);
    }
    return nodes[n + 2] + (right ? STRIDE : 0);
  }

  /**
   * Returns the node that row {@code x[row...]} goes to from node {@code n}, as {@link #step}, on
   * the path a predictor takes for every node: the split's outcome and a missing value's default
   * direction are computed without a branch (a mispredicted branch per node costs more than the
   * rest of the step); categorical splits take {@link #step}.
   */
  int next(int n, float[] x, int row) {
    int info = nodes[n];
    float v = x[row + (info & FEATURE)];
    if ((info & CATEGORICAL) != 0) {
      return step(n, v);
    }
    int right = v >= Float.intBitsToFloat(nodes[n + 1]) ? STRIDE : 0;
    int missingRight = v != v ? (~info & DEFAULT_LEFT) >>> MISSING_SHIFT : 0;
    return nodes[n + 2] + (right | missingRight);
  }

  /** Returns whether node n is a leaf. */
  boolean leaf(int n) {
    return nodes[n + 2] == n;
  }

  /** Returns the value of leaf n. */
  float value(int n) {
    return Float.intBitsToFloat(nodes[n + 3]);
  }

  /**
   * XGBoost's categorical decision: a value is its category when in [0, 2^24), truncated to an
   * integer; categories in the split's set (sorted when read, so a binary search finds them) go
   * right, everything else (negative, too large, not in the set) goes left.
   */
  private boolean inSet(int set, float x) {
    if (x < 0 || x >= 16_777_216f) {
      return false;
    }
    return Arrays.binarySearch(categories, setStart[set], setEnd[set], (int) x) >= 0;
  }

  /** Reads a model's trees into the table, re-laid out breadth first with adjacent children. */
  private static final class Reader {
    int[] nodes;
    int[] roots;
    int[] depth;
    int[] treeGroup;
    float[] treeWeight;
    int[] setStart;
    int[] setEnd;
    int[] categories;
    private int sets;

    Reader(XGBoostJson m) {
      JsonNode trees = m.model().path("trees");
      JsonNode info = m.model().path("tree_info");
      int count = m.treeEnd();
      int total = 0;
      int setCount = 0;
      int categoryCount = 0;
      for (int i = 0; i < count; i++) {
        JsonNode t = trees.get(i);
        if (t.path("tree_param").path("size_leaf_vector").asInt(1) > 1) {
          throw new KilnException("The model has multi-target trees (vector leaves), which the"
              + " plain-Java predictor does not evaluate.", "XGBoostModel predicts them natively");
        }
        total += t.path("left_children").size();
        setCount += t.path("categories_nodes").size();
        categoryCount += t.path("categories").size();
      }
      nodes = new int[total * STRIDE];
      roots = new int[count];
      depth = new int[count];
      treeGroup = new int[count];
      treeWeight = m.dartWeights() == null ? null : new float[count];
      setStart = new int[setCount];
      setEnd = new int[setCount];
      categories = new int[categoryCount];
      int base = 0;
      int categoryBase = 0;
      for (int t = 0; t < count; t++) {
        treeGroup[t] = info.get(t).asInt();
        if (treeGroup[t] < 0 || treeGroup[t] >= m.outputs()) {
          throw new KilnException("Tree " + t + " belongs to output " + treeGroup[t] + " of "
              + m.outputs() + ".", "pass a model saved by XGBoost");
        }
        if (treeWeight != null) {
          treeWeight[t] = (float) m.dartWeights().get(t).asDouble();
        }
        roots[t] = base * STRIDE;
        int[] set = readCategories(trees.get(t), categoryBase);
        categoryBase += trees.get(t).path("categories").size();
        depth[t] = readTree(trees.get(t), base, set);
        base += trees.get(t).path("left_children").size();
      }
    }

    /**
     * Lays one tree out breadth first from node {@code base} on; returns its depth. {@code set}
     * maps a node of the JSON tree to its category set, or -1.
     */
    private int readTree(JsonNode tree, int base, int[] set) {
      JsonNode lefts = tree.path("left_children");
      JsonNode rights = tree.path("right_children");
      int size = lefts.size();
      int[] order = new int[size];
      int[] level = new int[size];
      int placed = 1;
      int deepest = 0;
      for (int i = 0; i < placed; i++) {
        int id = order[i];
        int at = (base + i) * STRIDE;
        int l = lefts.get(id).asInt();
        if (l < 0) {
          nodes[at] = DEFAULT_LEFT;
          nodes[at + 1] = NAN_BITS;
          nodes[at + 2] = at;
          nodes[at + 3] = Float.floatToRawIntBits(
              (float) tree.path("split_conditions").get(id).asDouble());
          continue;
        }
        int r = rights.get(id).asInt();
        if (placed + 2 > size || l >= size || r >= size) {
          throw new KilnException("Node " + id + " of a tree has children " + l + " and " + r
              + " outside its " + size + " nodes.", "pass a model saved by XGBoost");
        }
        order[placed] = l;
        order[placed + 1] = r;
        level[placed] = level[placed + 1] = level[i] + 1;
        deepest = Math.max(deepest, level[i] + 1);
        nodes[at] = tree.path("split_indices").get(id).asInt()
            | (tree.path("default_left").get(id).asInt() == 1 ? DEFAULT_LEFT : 0)
            | (set[id] >= 0 ? CATEGORICAL : 0);
        float threshold = (float) tree.path("split_conditions").get(id).asDouble();
        // a numerical split on NaN sends every present value right, as x < NaN is false
        nodes[at + 1] = set[id] >= 0 ? set[id]
            : Float.floatToRawIntBits(Float.isNaN(threshold) ? Float.NEGATIVE_INFINITY : threshold);
        nodes[at + 2] = (base + placed) * STRIDE;
        placed += 2;
      }
      if (placed != size) {
        throw new KilnException("A tree has " + size + " nodes, but only " + placed
            + " are reachable from its root.", "pass a model saved by XGBoost");
      }
      return deepest;
    }

    /**
     * Records the category sets of a tree's categorical nodes (sorted, for binary search);
     * returns for each node of the tree its set's index, or -1 when it is numerical.
     */
    private int[] readCategories(JsonNode tree, int categoryBase) {
      int[] set = new int[tree.path("left_children").size()];
      Arrays.fill(set, -1);
      JsonNode ids = tree.path("categories_nodes");
      JsonNode all = tree.path("categories");
      for (int i = 0; i < all.size(); i++) {
        categories[categoryBase + i] = all.get(i).asInt();
      }
      for (int j = 0; j < ids.size(); j++) {
        int from = categoryBase + tree.path("categories_segments").get(j).asInt();
        setStart[sets] = from;
        setEnd[sets] = from + tree.path("categories_sizes").get(j).asInt();
        Arrays.sort(categories, setStart[sets], setEnd[sets]);
        set[ids.get(j).asInt()] = sets++;
      }
      return set;
    }
  }
}
