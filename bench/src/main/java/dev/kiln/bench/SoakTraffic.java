package dev.kiln.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The soak test's request mix, made from a bundle's input schema: valid requests on every
 * protocol and client mistakes, each with the status a correct server answers.
 */
final class SoakTraffic {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A kind of request: its share of the traffic and the status it must get. */
  record Kind(String name, int weight, String path, String contentType, int expected,
      List<String> bodies) {
    boolean valid() {
      return expected == 200;
    }
  }

  private final List<Kind> kinds = new ArrayList<>();
  private final int totalWeight;

  /**
   * Builds the mix for a served model.
   *
   * @param bundle the bundle folder (its bundle.json gives the inputs and their ranges)
   * @param model the served model name
   * @param maxBodyBytes the server's body limit, exceeded by the oversized kind
   */
  SoakTraffic(Path bundle, String model, long maxBodyBytes) throws IOException {
    JsonNode inputs = JSON.readTree(Files.readAllBytes(bundle.resolve("bundle.json")))
        .get("inputs");
    Random random = new Random(42);
    String predict = "/v1/models/" + model + ":predict";
    String infer = "/v2/models/" + model + "/infer";
    List<String> one = new ArrayList<>();
    List<String> hundred = new ArrayList<>();
    List<String> v2 = new ArrayList<>();
    List<String> records = new ArrayList<>();
    List<String> csv = new ArrayList<>();
    List<String> duplicate = new ArrayList<>();
    List<String> wrongType = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      ObjectNode row = row(inputs, random);
      one.add(instances(List.of(row)));
      List<ObjectNode> rows = new ArrayList<>();
      for (int r = 0; r < 100; r++) {
        rows.add(row(inputs, random));
      }
      hundred.add(instances(rows));
      v2.add(tensors(row));
      records.add(JSON.writeValueAsString(JSON.createObjectNode().set("dataframe_records",
          JSON.createArrayNode().add(row))));
      List<String> names = new ArrayList<>();
      row.fieldNames().forEachRemaining(names::add);
      csv.add(String.join(",", names) + "\n" + String.join(",", values(row)) + "\n");
      String text = instances(List.of(row));
      String first = row.fieldNames().next();
      duplicate.add(text.replace("{\"" + first + "\":", "{\"" + first + "\":1,\"" + first
          + "\":"));
      wrongType.add(text.replaceFirst("\"" + first + "\":[-0-9.eE]+", "\"" + first
          + "\":\"many\""));
    }
    String big = instances(List.of(row(inputs, random)));
    String oversized = big.substring(0, big.length() - 2) + ", \"padding\": \""
        + "x".repeat((int) maxBodyBytes) + "\"}]}";
    add(new Kind("native 1 row", 40, predict, "application/json", 200, one));
    add(new Kind("native 100 rows", 5, predict, "application/json", 200, hundred));
    add(new Kind("kserve v2", 10, infer, "application/json", 200, v2));
    add(new Kind("mlflow records", 8, "/invocations", "application/json", 200, records));
    add(new Kind("mlflow csv", 5, "/invocations", "text/csv", 200, csv));
    add(new Kind("malformed json", 6, predict, "application/json", 400,
        List.of("{\"instances\": [{\"V1\": 1.0,")));
    add(new Kind("unknown field", 6, predict, "application/json", 400,
        List.of(one.get(0).replace("{\"", "{\"colour\": \"red\", \""))));
    add(new Kind("duplicate key", 6, predict, "application/json", 400, duplicate));
    add(new Kind("wrong type", 6, predict, "application/json", 400, wrongType));
    add(new Kind("unknown model", 4, "/v1/models/nope:predict", "application/json", 404, one));
    add(new Kind("oversized body", 2, predict, "application/json", 413, List.of(oversized)));
    add(new Kind("wrong content type", 2, predict, "text/plain", 415, one));
    totalWeight = kinds.stream().mapToInt(Kind::weight).sum();
  }

  /** Returns every kind, in a fixed order. */
  List<Kind> kinds() {
    return kinds;
  }

  /** Picks a kind by its weight. */
  Kind pick(Random random) {
    int n = random.nextInt(totalWeight);
    for (Kind k : kinds) {
      n -= k.weight();
      if (n < 0) {
        return k;
      }
    }
    throw new IllegalStateException("weights add up to " + totalWeight);
  }

  private void add(Kind kind) {
    kinds.add(kind);
  }

  /** A row within each numeric field's training range (the first category for strings). */
  private static ObjectNode row(JsonNode inputs, Random random) {
    ObjectNode row = JSON.createObjectNode();
    for (JsonNode f : inputs) {
      String name = f.get("name").asText();
      if (f.get("type").asText().equalsIgnoreCase("string")) {
        row.put(name, f.path("categories").path(0).asText("a"));
      } else {
        double min = f.path("min").asDouble(0);
        double max = f.path("max").asDouble(1);
        double v = min + random.nextDouble() * (max - min);
        row.put(name, f.get("type").asText().equalsIgnoreCase("long") ? Math.rint(v) : v);
      }
    }
    return row;
  }

  private static String instances(List<ObjectNode> rows) throws IOException {
    ArrayNode array = JSON.createArrayNode();
    rows.forEach(array::add);
    return JSON.writeValueAsString(JSON.createObjectNode().set("instances", array));
  }

  private static String tensors(ObjectNode row) throws IOException {
    ArrayNode inputs = JSON.createArrayNode();
    row.fields().forEachRemaining(e -> inputs.addObject().put("name", e.getKey())
        .put("datatype", e.getValue().isTextual() ? "BYTES" : "FP64")
        .set("shape", JSON.createArrayNode().add(1)));
    int i = 0;
    for (var it = row.elements(); it.hasNext(); i++) {
      ((ObjectNode) inputs.get(i)).set("data", JSON.createArrayNode().add(it.next()));
    }
    return JSON.writeValueAsString(JSON.createObjectNode().set("inputs", inputs));
  }

  private static List<String> values(ObjectNode row) {
    List<String> out = new ArrayList<>();
    row.elements().forEachRemaining(v -> out.add(v.asText()));
    return out;
  }
}
