package dev.kiln.ml.preprocess;

import dev.kiln.data.Frame;
import java.util.ArrayList;
import java.util.List;

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

  /** Fits each step on the output of the previous ones, as scikit-learn's Pipeline does. */
  public FittedPreprocessor fit(Frame train) {
    List<FittedStep> fitted = new ArrayList<>();
    Frame current = train;
    for (Step step : steps) {
      FittedStep f = step.fit(current);
      fitted.add(f);
      current = f.transform(current);
    }
    return new FittedPreprocessor(fitted);
  }
}
