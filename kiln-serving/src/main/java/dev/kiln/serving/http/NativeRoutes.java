package dev.kiln.serving.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.data.Frame;
import dev.kiln.ml.Task;
import dev.kiln.serving.ClientError;
import dev.kiln.serving.InputRows;
import dev.kiln.serving.ModelSlot;
import dev.kiln.serving.PredictionService;
import dev.kiln.serving.TabularInputs;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Kiln's native protocol, shaped like KServe V1: {@code GET /v1/models},
 * {@code GET /v1/models/{name}}, {@code POST /v1/models/{name}:predict} (and {@code :explain})
 * with {@code {"instances": [...]}}.
 */
final class NativeRoutes {
  private final PredictionService service;

  NativeRoutes(PredictionService service) {
    this.service = service;
  }

  /**
   * Declares the routes.
   *
   * @param quick whether a prediction request is small enough for the event loop
   */
  void declare(Router router, Predicate<Exchange> quick) {
    router.get("/", ex -> ex.json(Map.of("status", "alive")));
    router.get("/v1/models", ex -> ex.json(Map.of("models",
        service.models().slots().stream().map(ModelSlot::name).toList())));
    router.get("/v1/models/{name}", ex -> ex.json(
        status(service.models().slot(ex.pathParam("name")))));
    router.predict("/v1/models/{target}", List.of("application/json"),
        quick.and(ex -> !explains(ex)), this::predict);
  }

  private static boolean explains(Exchange ex) {
    return ex.path().endsWith(":explain") || "true".equals(ex.queryParam("explain"));
  }

  private static Map<String, Object> status(ModelSlot slot) {
    ModelSlot.Deployment d = slot.deployment();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", slot.name());
    out.put("ready", true);
    out.put("version", d.primary().version());
    if (d.challenger() != null) {
      out.put("challenger", Map.of("version", d.challenger().version(),
          "mode", slot.traffic().mode().name().toLowerCase(java.util.Locale.ROOT),
          "percent", slot.traffic().percent()));
    }
    slot.lastError().ifPresent(e -> out.put("last_reload_error", e));
    return out;
  }

  private void predict(Exchange ex) {
    String target = ex.pathParam("target");
    int colon = target.lastIndexOf(':');
    String verb = colon < 0 ? "" : target.substring(colon + 1);
    if (!verb.equals("predict") && !verb.equals("explain")) {
      throw ClientError.notFound("Unknown endpoint POST /v1/models/" + target + "; use"
          + " /v1/models/{name}:predict or :explain.");
    }
    boolean explain = explains(ex);
    byte[] body = ex.body();
    PredictionService.Scored scored;
    try {
      scored = service.predict(target.substring(0, colon), null, "native",
          Bodies.requestId(ex, null), new PredictionService.Decoder() {
            @Override
            public InputRows rows(TabularInputs reader) {
              return JsonInstances.read(body, body.length, reader);
            }

            @Override
            public Frame frame(TabularInputs reader) {
              JsonNode tree = instances(body);
              String key = tree.has("instances") ? "instances" : "inputs";
              return reader.instances(tree.get(key), key);
            }
          }, explain);
    } catch (ClientError e) {
      if (e.status() == 404) {
        instances(body); // a malformed body is named before an unknown model, as it always was
      }
      throw e;
    }
    ex.header("X-Request-Id", scored.requestId());
    ex.header("X-Model-Version", scored.model().version());
    Task task = scored.model().bundle().manifest().task();
    if (!explain) {
      ex.jsonBytes(Outputs.predictionsJson(scored.outputs(), task));
      return;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("predictions", Outputs.perRow(scored.outputs(), task));
    out.put("explanations", scored.explanations());
    ex.json(out);
  }

  /**
   * Parses the body as a tree and checks it has rows.
   *
   * @throws ClientError 400 for a malformed body or one without 'instances'
   */
  private static JsonNode instances(byte[] body) {
    JsonNode tree = Bodies.json(body);
    if (!tree.has("instances") && tree.get("inputs") == null) {
      throw ClientError.badRequest("The body has no 'instances'; send {\"instances\":"
          + " [{\"field\": value, ...}, ...]}.");
    }
    return tree;
  }
}
