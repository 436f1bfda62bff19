package dev.kiln.ml.preprocess;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.kiln.core.KilnException;
import dev.kiln.data.Frame;
import java.util.List;

/**
 * Fitted preprocessing: the steps' state as plain JSON (never Java serialization) and the same
 * transformation in training, evaluation, batch scoring and serving.
 *
 * @param steps the fitted steps, in order
 */
public record FittedPreprocessor(List<FittedStep> steps) {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  /** Copies the list. */
  public FittedPreprocessor {
    steps = List.copyOf(steps);
  }

  /** Applies every step in order. */
  public Frame transform(Frame frame) {
    Frame current = frame;
    for (FittedStep step : steps) {
      current = step.transform(current);
    }
    return current;
  }

  /** Returns the output columns that hold category codes for XGBoost's categorical splits. */
  public List<String> categoricalFeatures() {
    List<String> names = new java.util.ArrayList<>();
    for (FittedStep step : steps) {
      if (step instanceof FittedCategorical c) {
        names.addAll(c.categories().keySet());
      }
    }
    return names;
  }

  /** Returns the state as JSON. */
  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("fitted steps are plain records", e);
    }
  }

  /**
   * Reads the state written by {@link #toJson()}.
   *
   * @throws KilnException if the JSON is not a fitted preprocessor
   */
  public static FittedPreprocessor fromJson(String json) {
    try {
      return JSON.readValue(json, FittedPreprocessor.class);
    } catch (JsonProcessingException e) {
      throw new KilnException("Invalid fitted preprocessing JSON: " + e.getOriginalMessage(),
          "the file must be written by Kiln's FittedPreprocessor.toJson", e);
    }
  }
}
