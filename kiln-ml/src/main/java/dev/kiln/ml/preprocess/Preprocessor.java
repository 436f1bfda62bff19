package dev.kiln.ml.preprocess;

import dev.kiln.data.Frame;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A column transformer: steps applied in order, each to its own group of columns; columns no step
 * names pass through unchanged. Fit it on training data only and reuse the {@link
 * FittedPreprocessor} everywhere else.
 *
 * @param steps the steps, in order
 */
public record Preprocessor(List<Step> steps) {
  /** Copies the list. */
  public Preprocessor {
    steps = List.copyOf(steps);
  }

  /**
   * Fits each step on the output of the previous ones, as scikit-learn's Pipeline does. A sparse
   * one-hot encoder's output is only made (densely) when a later step names its columns or the
   * columns it encodes; otherwise later steps never see it, so fitting holds no value per
   * category.
   */
  public FittedPreprocessor fit(Frame train) {
    List<FittedStep> fitted = new ArrayList<>();
    Frame current = train;
    for (int i = 0; i < steps.size(); i++) {
      FittedStep f = steps.get(i).fit(current);
      fitted.add(f);
      if (!(f instanceof FittedOneHot oneHot && oneHot.sparse())
          || laterStepsRead(oneHot, i + 1)) {
        current = f.transform(current);
      }
    }
    return new FittedPreprocessor(fitted);
  }

  private boolean laterStepsRead(FittedOneHot oneHot, int from) {
    Set<String> names = new HashSet<>(oneHot.categories().keySet());
    oneHot.categories().keySet().forEach(c -> names.addAll(oneHot.outputNames(c)));
    for (Step later : steps.subList(from, steps.size())) {
      if (later.columns().stream().anyMatch(names::contains)) {
        return true;
      }
    }
    return false;
  }
}
