package dev.kiln.serving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.kiln.data.Frame;
import dev.kiln.ml.bundle.FieldSpec;
import java.time.Instant;
import java.util.List;

/**
 * Exercises a freshly loaded version before it takes traffic, with rows made from its input
 * schema, so the first real requests do not pay for class loading and compilation, and times
 * its one-row calls so batching is used only where it pays.
 */
final class WarmUp {
  private static final int SINGLE_ROW_CALLS = 200;
  private static final int BATCH_ROWS = 128;

  private WarmUp() {}

  static void run(ServedModel model) {
    List<FieldSpec> fields = model.bundle().manifest().inputs();
    Frame one = InputFrames.build(fields, 1, (f, r) -> typical(fields.get(f)));
    for (int i = 0; i < SINGLE_ROW_CALLS; i++) {
      model.predict(one);
    }
    model.calibrate(one);
    model.predict(InputFrames.build(fields, BATCH_ROWS, (f, r) -> typical(fields.get(f))));
  }

  /** A value the model accepts: the training minimum, the first category, or null. */
  private static JsonNode typical(FieldSpec field) {
    JsonNodeFactory json = JsonNodeFactory.instance;
    return switch (field.type()) {
      case DOUBLE, LONG -> field.min() != null ? json.numberNode(Math.floor(field.min()))
          : json.numberNode(0);
      case BOOLEAN -> json.booleanNode(false);
      case STRING -> field.categories() != null && !field.categories().isEmpty()
          ? json.textNode(field.categories().get(0)) : json.nullNode();
      case TIMESTAMP -> json.textNode(Instant.now().toString());
    };
  }
}
