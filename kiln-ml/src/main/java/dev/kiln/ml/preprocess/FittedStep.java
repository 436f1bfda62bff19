package dev.kiln.ml.preprocess;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.kiln.data.Frame;

/**
 * A fitted preprocessing step: pure state (plain JSON through Jackson) and a transformation that
 * applies it unchanged in training, evaluation, batch scoring and serving.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = FittedImputer.class, name = "imputer"),
    @JsonSubTypes.Type(value = FittedAffine.class, name = "affine"),
    @JsonSubTypes.Type(value = FittedOneHot.class, name = "one_hot"),
    @JsonSubTypes.Type(value = FittedCategorical.class, name = "categorical"),
    @JsonSubTypes.Type(value = FeatureTransforms.class, name = "features")})
public sealed interface FittedStep permits FittedImputer, FittedAffine, FittedOneHot,
    FittedCategorical, FeatureTransforms {
  /**
   * Applies the step.
   *
   * @throws dev.kiln.data.DataFormatException naming the column (and row) that cannot be
   *     transformed
   */
  Frame transform(Frame frame);
}
