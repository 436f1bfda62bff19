package dev.kiln.serving.http;

import dev.kiln.ml.Task;
import dev.kiln.ml.bundle.BundleManifest;
import dev.kiln.ml.bundle.FieldSpec;
import dev.kiln.serving.ModelRepository;
import dev.kiln.serving.ModelSlot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI 3.0 description of the server: every endpoint, and each model's input record with
 * the types, categories and nullability of its bundle's schema.
 */
final class OpenApiDocument {
  private OpenApiDocument() {}

  static Map<String, Object> of(ModelRepository models, String kilnVersion) {
    Map<String, Object> paths = new LinkedHashMap<>();
    Map<String, Object> schemas = new LinkedHashMap<>();
    schemas.put("Error", object(Map.of("error", Map.of("type", "string")), List.of("error")));
    for (ModelSlot slot : models.slots()) {
      BundleManifest m = slot.deployment().primary().bundle().manifest();
      String record = schemaName(slot.name());
      schemas.put(record, inputRecord(m));
      paths.put("/v1/models/" + slot.name() + ":predict", post("Predict with " + slot.name()
          + " (version " + slot.deployment().primary().version() + ")", Map.of("type", "object",
          "required", List.of("instances"), "properties", Map.of("instances", Map.of("type",
          "array", "items", ref(record)))), prediction(m.task())));
    }
    paths.put("/v2/models/{name}/infer", post("Open Inference Protocol (KServe V2) inference",
        Map.of("type", "object", "required", List.of("inputs")), Map.of("type", "object")));
    paths.put("/invocations", post("MLflow scoring protocol: dataframe_split,"
        + " dataframe_records, instances or inputs; or text/csv", Map.of("type", "object"),
        Map.of("type", "object")));
    for (String get : List.of("/v1/models", "/v1/models/{name}", "/v2/health/live",
        "/v2/health/ready", "/v2/models/{name}", "/v2/models/{name}/ready", "/ping", "/health",
        "/metrics")) {
      paths.put(get, Map.of("get", Map.of("summary", get.equals("/metrics")
          ? "Prometheus metrics" : "Status and metadata", "responses",
          Map.of("200", Map.of("description", "OK")))));
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("openapi", "3.0.3");
    doc.put("info", Map.of("title", "Kiln model server", "version", kilnVersion));
    doc.put("paths", paths);
    doc.put("components", Map.of("schemas", schemas,
        "securitySchemes", Map.of("bearer", Map.of("type", "http", "scheme", "bearer"))));
    return doc;
  }

  private static String schemaName(String model) {
    return model.replaceAll("[^A-Za-z0-9._-]", "_") + "_input";
  }

  private static Map<String, Object> inputRecord(BundleManifest m) {
    Map<String, Object> properties = new LinkedHashMap<>();
    List<String> required = new ArrayList<>();
    for (FieldSpec f : m.inputs()) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("type", switch (f.type()) {
        case DOUBLE -> "number";
        case LONG -> "integer";
        case BOOLEAN -> "boolean";
        case STRING, TIMESTAMP -> "string";
      });
      if (f.categories() != null) {
        p.put("description", "categories seen in training: " + f.categories());
      } else if (f.min() != null) {
        p.put("description", "training range " + f.min() + " .. " + f.max());
      }
      p.put("nullable", f.nullable());
      properties.put(f.name(), p);
      required.add(f.name());
    }
    return object(properties, required);
  }

  private static Map<String, Object> prediction(Task task) {
    Map<String, Object> item = task == Task.REGRESSION ? Map.of("type", "number")
        : Map.of("type", "object", "properties", Map.of("prediction", Map.of("type", "integer"),
            "probability", Map.of("type", "number")));
    return Map.of("type", "object", "properties", Map.of("predictions",
        Map.of("type", "array", "items", item)));
  }

  private static Map<String, Object> object(Map<String, ?> properties, List<String> required) {
    return Map.of("type", "object", "properties", properties, "required", required,
        "additionalProperties", false);
  }

  private static Map<String, Object> ref(String schema) {
    return Map.of("$ref", "#/components/schemas/" + schema);
  }

  private static Map<String, Object> post(String summary, Map<String, Object> request,
      Map<String, Object> response) {
    Map<String, Object> error = Map.of("description", "Client error",
        "content", Map.of("application/json", Map.of("schema", ref("Error"))));
    return Map.of("post", Map.of("summary", summary,
        "requestBody", Map.of("required", true, "content",
            Map.of("application/json", Map.of("schema", request))),
        "responses", Map.of("200", Map.of("description", "Predictions", "content",
            Map.of("application/json", Map.of("schema", response))),
            "400", error, "404", error, "413", error, "415", error)));
  }
}
