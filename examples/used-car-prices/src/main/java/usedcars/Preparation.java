package usedcars;

import dev.kiln.core.pipeline.Outputs;
import dev.kiln.data.Frame;
import dev.kiln.ml.preprocess.Preprocessor;
import dev.kiln.ml.preprocess.Step;
import dev.kiln.ml.split.FrameSplit;
import java.util.List;

/** The preparation nodes: split the clean listings, fit the preprocessing on the training part. */
public final class Preparation {
  private Preparation() {}

  /** Splits at random (a regression target is not stratified). */
  public static Outputs split(Frame clean, SplitOptions options) {
    FrameSplit split = FrameSplit.of(clean, null, options.testSize(), options.seed());
    return Outputs.of(Pipelines.TRAIN, split.train()).and(Pipelines.TEST, split.test());
  }

  /** Fits the preprocessing steps on the training rows only; returns their state as JSON. */
  public static String fitPreprocessing(Frame train, Step[] steps) {
    return new Preprocessor(List.of(steps)).fit(train).toJson();
  }
}
