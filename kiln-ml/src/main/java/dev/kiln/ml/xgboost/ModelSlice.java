package dev.kiln.ml.xgboost;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import dev.kiln.core.KilnException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;

/**
 * Cuts a tree model (gbtree or dart, XGBoost JSON) to its first boosting rounds, as Python's
 * {@code booster[:rounds]} does; XGBoost4J has no slicing call. The trees of a round are
 * consecutive (classes and parallel trees of round 0, then of round 1, ...), so the cut keeps a
 * prefix of the trees, of their group ids and dart weights, and of the round index. Everything
 * else is copied token by token with every number's text unchanged, so no value is rounded.
 */
final class ModelSlice {
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

  private ModelSlice() {}

  /**
   * Returns the model with only its first {@code rounds} boosting rounds.
   *
   * @throws KilnException if the model is not a tree model or has fewer rounds
   */
  static byte[] firstRounds(byte[] json, int rounds) {
    XGBoostJson facts = XGBoostJson.parse(json);
    if (facts.booster().equals("gblinear") || rounds < 1 || rounds > facts.rounds()) {
      throw new KilnException("Cannot keep the first " + rounds + " rounds of a "
          + facts.booster() + " model with " + facts.rounds() + " rounds.",
          "cut gbtree or dart models to 1.." + facts.rounds() + " rounds");
    }
    var indptr = facts.model().path("iteration_indptr");
    int trees = indptr.size() > rounds ? indptr.get(rounds).asInt()
        : rounds * facts.outputs() * facts.parallelTrees();
    Map<String, Integer> prefixes = Map.of("trees", trees, "tree_info", trees, "weight_drop",
        trees, "iteration_indptr", rounds + 1);
    ByteArrayOutputStream out = new ByteArrayOutputStream(json.length);
    try (JsonParser p = FACTORY.createParser(json);
        JsonGenerator g = FACTORY.createGenerator(out)) {
      String field = null;
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        if (t == JsonToken.START_ARRAY && prefixes.containsKey(field)) {
          copyPrefix(p, g, prefixes.get(field));
        } else if (t == JsonToken.VALUE_STRING && "num_trees".equals(field)) {
          g.writeString(String.valueOf(trees));
        } else {
          copyToken(p, g, t);
        }
        field = t == JsonToken.FIELD_NAME ? p.currentName() : null;
      }
    } catch (IOException e) {
      throw new KilnException("Cannot cut the XGBoost model: " + e.getMessage(),
          "pass a gbtree or dart model saved by XGBoost as JSON", e);
    }
    return out.toByteArray();
  }

  /** Copies the first {@code size} values of the array starting at the current token. */
  private static void copyPrefix(JsonParser p, JsonGenerator g, int size) throws IOException {
    g.writeStartArray();
    for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
      if (i >= size) {
        p.skipChildren();
        continue;
      }
      int depth = 0;
      JsonToken t = p.currentToken();
      do {
        copyToken(p, g, t);
        depth += t.isStructStart() ? 1 : t.isStructEnd() ? -1 : 0;
      } while (depth > 0 && (t = p.nextToken()) != null);
    }
    g.writeEndArray();
  }

  /** Copies one token; numbers keep their text (XGBoost's shortest float repr, NaN). */
  private static void copyToken(JsonParser p, JsonGenerator g, JsonToken t) throws IOException {
    if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
      g.writeNumber(p.getText());
    } else {
      g.copyCurrentEvent(p);
    }
  }
}
