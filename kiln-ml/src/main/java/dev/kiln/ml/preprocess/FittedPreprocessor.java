package dev.kiln.ml.preprocess;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.kiln.core.KilnException;
import dev.kiln.data.Frame;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

  /**
   * Applies every step in order, keeping sparse one-hot encoded columns as one code per row (see
   * {@link EncodedFrame}) instead of a column per category, so training and batch scoring never
   * hold a dense value per category. When a later step reads a one-hot encoder's columns (or is
   * a feature transform, which may read any), the whole result is computed as {@link #transform}
   * does, and the frame holds every column.
   *
   * @throws dev.kiln.data.DataFormatException as {@link #transform}
   */
  public EncodedFrame encode(Frame frame) {
    Frame current = frame;
    Map<String, EncodedFrame.Block> blocks = new LinkedHashMap<>();
    for (FittedStep step : steps) {
      if (step instanceof FittedOneHot oneHot && oneHot.sparse()) {
        for (String column : oneHot.categories().keySet()) {
          blocks.put(column, new EncodedFrame.Block(oneHot.outputNames(column),
              oneHot.codes(current.column(column))));
        }
      } else if (!blocks.isEmpty() && readsBlocks(step, blocks)) {
        return new EncodedFrame(transform(frame), Map.of());
      } else {
        current = step.transform(current);
      }
    }
    return new EncodedFrame(current, blocks);
  }

  private static boolean readsBlocks(FittedStep step, Map<String, EncodedFrame.Block> blocks) {
    Set<String> reads;
    if (step instanceof FittedImputer s) {
      reads = s.values().keySet();
    } else if (step instanceof FittedAffine s) {
      reads = Set.copyOf(s.columns());
    } else if (step instanceof FittedOneHot s) {
      reads = s.categories().keySet();
    } else if (step instanceof FittedCategorical s) {
      reads = s.categories().keySet();
    } else {
      return true;
    }
    for (Map.Entry<String, EncodedFrame.Block> b : blocks.entrySet()) {
      if (reads.contains(b.getKey()) || b.getValue().names().stream().anyMatch(reads::contains)) {
        return true;
      }
    }
    return false;
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
