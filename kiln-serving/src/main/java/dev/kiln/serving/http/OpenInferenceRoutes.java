package dev.kiln.serving.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.data.ColumnType;
import dev.kiln.data.Frame;
import dev.kiln.ml.Task;
import dev.kiln.ml.bundle.BundleManifest;
import dev.kiln.ml.bundle.FieldSpec;
import dev.kiln.serving.ClientError;
import dev.kiln.serving.InputRows;
import dev.kiln.serving.ModelSlot;
import dev.kiln.serving.PredictionService;
import dev.kiln.serving.ServedModel;
import dev.kiln.serving.TabularInputs;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The Open Inference Protocol (KServe V2) over REST: health, server and model metadata, and
 * {@code infer} with one tensor per input field, or one {@code [rows, fields]} tensor in the
 * order of the model's inputs.
 */
final class OpenInferenceRoutes {
  private static final Set<String> NUMERIC = Set.of("BOOL", "UINT8", "UINT16", "UINT32",
      "UINT64", "INT8", "INT16", "INT32", "INT64", "FP16", "FP32", "FP64", "BF16");

  private final PredictionService service;
  private final Guard guard;
  private final String kilnVersion;

  OpenInferenceRoutes(PredictionService service, Guard guard, String kilnVersion) {
    this.service = service;
    this.guard = guard;
    this.kilnVersion = kilnVersion;
  }

  /**
   * Declares the routes.
   *
   * @param quick whether a prediction request is small enough for the event loop
   */
  void declare(Router router, Predicate<Exchange> quick) {
    router.get("/v2/health/live", ex -> ex.json(Map.of("live", true)));
    router.get("/v2/health/ready", ex -> {
      if (guard.draining()) {
        throw new ClientError(503, "The server is shutting down.");
      }
      ex.json(Map.of("ready", true));
    });
    router.get("/v2", ex -> ex.json(Map.of("name", "kiln",
        "version", kilnVersion, "extensions", List.of())));
    router.get("/v2/models/{name}", ex -> ex.json(metadata(ex.pathParam("name"), null)));
    router.get("/v2/models/{name}/versions/{version}", ex -> ex.json(
        metadata(ex.pathParam("name"), ex.pathParam("version"))));
    router.get("/v2/models/{name}/ready", ex -> ready(ex, null));
    router.get("/v2/models/{name}/versions/{version}/ready",
        ex -> ready(ex, ex.pathParam("version")));
    List<String> json = List.of("application/json");
    router.predict("/v2/models/{name}/infer", json, quick, ex -> infer(ex, null));
    router.predict("/v2/models/{name}/versions/{version}/infer", json, quick,
        ex -> infer(ex, ex.pathParam("version")));
  }

  private ServedModel model(String name, String version) {
    ModelSlot slot = service.models().slot(name);
    return version == null ? slot.deployment().primary() : slot.version(version);
  }

  private void ready(Exchange ex, String version) {
    ServedModel model = model(ex.pathParam("name"), version);
    ex.json(Map.of("name", model.name(), "ready", true));
  }

  private Map<String, Object> metadata(String name, String version) {
    ModelSlot slot = service.models().slot(name);
    ServedModel model = model(name, version);
    BundleManifest m = model.bundle().manifest();
    List<String> versions = new ArrayList<>(List.of(slot.deployment().primary().version()));
    if (slot.deployment().challenger() != null) {
      versions.add(slot.deployment().challenger().version());
    }
    List<Map<String, Object>> inputs = new ArrayList<>();
    for (FieldSpec f : m.inputs()) {
      inputs.add(Map.of("name", f.name(), "datatype", Outputs.datatype(f.type()),
          "shape", List.of(-1)));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", name);
    out.put("versions", versions);
    out.put("platform", "kiln-" + m.modelFormat());
    out.put("inputs", inputs);
    out.put("outputs", outputs(m));
    return out;
  }

  private static List<Map<String, Object>> outputs(BundleManifest m) {
    List<Map<String, Object>> out = new ArrayList<>();
    if (m.task() == Task.REGRESSION) {
      out.add(Map.of("name", "prediction", "datatype", "FP64", "shape", List.of(-1)));
      return out;
    }
    out.add(Map.of("name", "probability", "datatype", "FP64", "shape", List.of(-1)));
    out.add(Map.of("name", "prediction", "datatype", "INT64", "shape", List.of(-1)));
    return out;
  }

  private void infer(Exchange ex, String version) {
    if (ex.header("Inference-Header-Content-Length") != null) {
      throw ClientError.badRequest("Binary tensor data is not supported; send the tensors as"
          + " JSON 'data'.");
    }
    InferenceBody streamed = InferenceBody.read(ex.body());
    JsonNode body = streamed == null ? inputs(ex.body()) : null;
    List<String> wanted = streamed != null ? streamed.outputs()
        : requestedOutputs(body.get("outputs"));
    String requestId = Bodies.requestId(ex, streamed != null ? streamed.id()
        : body.path("id").isTextual() ? body.get("id").textValue() : null);
    PredictionService.Scored scored = service.predict(ex.pathParam("name"), version, "v2",
        requestId, new PredictionService.Decoder() {
          @Override
          public InputRows rows(TabularInputs reader) {
            return streamed == null ? null : streamed.rows(reader);
          }

          @Override
          public Frame frame(TabularInputs reader) {
            return decode((body != null ? body : inputs(ex.body())).get("inputs"), reader);
          }
        }, false);
    for (String w : wanted == null ? List.<String>of() : wanted) {
      if (!scored.outputs().hasColumn(w)) {
        throw ClientError.badRequest("Unknown output " + ClientError.quote(w) + "; outputs are "
            + scored.outputs().columnNames() + ".");
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("model_name", scored.model().name());
    out.put("model_version", scored.model().version());
    out.put("id", scored.requestId());
    out.put("outputs", Outputs.tensors(scored.outputs(), wanted));
    ex.header("X-Request-Id", scored.requestId());
    ex.json(out);
  }

  /** Parses the body as a tree and checks it has input tensors. */
  private static JsonNode inputs(byte[] bytes) {
    JsonNode body = Bodies.json(bytes);
    JsonNode inputs = body.get("inputs");
    if (inputs == null || !inputs.isArray() || inputs.isEmpty()) {
      throw ClientError.badRequest("The body needs 'inputs': a non-empty array of tensors"
          + " {\"name\", \"shape\", \"datatype\", \"data\"}.");
    }
    return body;
  }

  private static List<String> requestedOutputs(JsonNode outputs) {
    if (outputs == null) {
      return null;
    }
    List<String> names = new ArrayList<>();
    outputs.forEach(o -> names.add(o.path("name").asText()));
    return names;
  }

  /** Reads named tensors: one per field, or one [rows, fields] tensor. */
  static Frame decode(JsonNode inputs, TabularInputs reader) {
    List<FieldSpec> fields = reader.fields();
    Map<String, FieldSpec> byName = new LinkedHashMap<>();
    fields.forEach(f -> byName.put(f.name(), f));
    if (inputs.size() == 1 && !byName.containsKey(inputs.get(0).path("name").asText())) {
      JsonNode t = inputs.get(0);
      long[] shape = shape(t);
      if (shape.length != 2 || shape[1] != fields.size()) {
        throw ClientError.badRequest("Input tensor " + name(t) + " must have"
            + " shape [rows, " + fields.size() + "] with the fields in the order "
            + byName.keySet() + ", or send one tensor per field.");
      }
      ArrayNode flat = flatten(t, shape);
      ArrayNode rows = JsonNodeFactory.instance.arrayNode();
      for (int r = 0; r < shape[0]; r++) {
        ArrayNode row = rows.addArray();
        for (int c = 0; c < shape[1]; c++) {
          row.add(flat.get((int) (r * shape[1] + c)));
        }
      }
      return reader.rows(rows, null, "inputs");
    }
    ObjectNode columns = JsonNodeFactory.instance.objectNode();
    Set<String> seen = new HashSet<>();
    for (JsonNode t : inputs) {
      String name = t.path("name").asText();
      FieldSpec field = byName.get(name);
      if (field == null) {
        throw ClientError.badRequest("Unknown input tensor " + name(t) + "; the model's inputs"
            + " are " + byName.keySet() + ".");
      }
      if (!seen.add(name)) {
        throw ClientError.badRequest("Input tensor " + name(t) + " is given twice.");
      }
      checkDatatype(t, field);
      long[] shape = shape(t);
      if (shape.length > 2 || (shape.length == 2 && shape[1] != 1)) {
        throw ClientError.badRequest("Input tensor " + name(t) + " must have shape [rows] or"
            + " [rows, 1].");
      }
      columns.set(name, flatten(t, shape));
    }
    return reader.columns(columns, "inputs");
  }

  private static void checkDatatype(JsonNode t, FieldSpec field) {
    String type = t.path("datatype").asText("");
    boolean ok = field.type() == ColumnType.STRING ? type.equals("BYTES")
        : field.type() == ColumnType.BOOLEAN ? type.equals("BOOL")
        : field.type() == ColumnType.TIMESTAMP ? type.equals("BYTES")
        : NUMERIC.contains(type) && !type.equals("BOOL");
    if (!ok) {
      throw ClientError.badRequest("Input tensor '" + field.name() + "' has datatype "
          + ClientError.quote(type) + " but the field is "
          + field.type().name().toLowerCase(java.util.Locale.ROOT)
          + "; send " + (field.type().isNumeric() && field.type() != ColumnType.BOOLEAN
              ? "FP64, FP32 or an integer type" : Outputs.datatype(field.type())) + ".");
    }
  }

  private static long[] shape(JsonNode t) {
    JsonNode s = t.get("shape");
    if (s == null || !s.isArray() || s.isEmpty()) {
      throw ClientError.badRequest("Input tensor " + name(t) + " needs a"
          + " 'shape', e.g. [rows].");
    }
    long[] shape = new long[s.size()];
    for (int i = 0; i < shape.length; i++) {
      if (!s.get(i).canConvertToLong() || s.get(i).asLong() < 1) {
        throw ClientError.badRequest("Input tensor " + name(t) + " has an invalid shape "
            + ClientError.quote(s.toString()) + "; dimensions are positive integers.");
      }
      shape[i] = s.get(i).asLong();
    }
    return shape;
  }

  /** Returns the tensor's data, flat, checking that it holds exactly the shape's elements. */
  private static ArrayNode flatten(JsonNode t, long[] shape) {
    ArrayNode flat = JsonNodeFactory.instance.arrayNode();
    JsonNode data = t.get("data");
    if (data == null || !data.isArray()) {
      throw ClientError.badRequest("Input tensor " + name(t) + " needs 'data',"
          + " an array.");
    }
    addFlat(data, flat);
    long expected = 1;
    for (long d : shape) {
      expected *= d;
    }
    if (flat.size() != expected) {
      throw ClientError.badRequest("Input tensor " + name(t) + " has "
          + flat.size() + " values but its shape " + java.util.Arrays.toString(shape)
          + " needs " + expected + ".");
    }
    return flat;
  }

  /** Quotes a tensor's name as the client sent it. */
  private static String name(JsonNode tensor) {
    return ClientError.quote(tensor.path("name").asText());
  }

  private static void addFlat(JsonNode node, ArrayNode into) {
    if (node.isArray()) {
      node.forEach(n -> addFlat(n, into));
    } else {
      into.add(node);
    }
  }
}
