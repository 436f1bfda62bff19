package dev.kiln.serving.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.data.Frame;
import dev.kiln.ml.Task;
import dev.kiln.serving.ClientError;
import dev.kiln.serving.InputRows;
import dev.kiln.serving.ModelSlot;
import dev.kiln.serving.PredictionService;
import dev.kiln.serving.TabularInputs;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Kiln's native protocol, shaped like KServe V1: {@code GET /v1/models},
 * {@code GET /v1/models/{name}}, {@code POST /v1/models/{name}:predict} (and {@code :explain})
 * with {@code {"instances": [...]}}.
 */
final class NativeRoutes {
  private final PredictionService service;
  private final Guard guard;

  NativeRoutes(PredictionService service, Guard guard) {
    this.service = service;
    this.guard = guard;
  }

  void configure(JavalinConfig config) {
    config.routes.get("/", ctx -> Bodies.reply(ctx, Map.of("status", "alive")));
    config.routes.get("/v1/models", ctx -> Bodies.reply(ctx, Map.of("models",
        service.models().slots().stream().map(ModelSlot::name).toList())));
    config.routes.get("/v1/models/{name}", ctx -> Bodies.reply(ctx,
        status(service.models().slot(ctx.pathParam("name")))));
    config.routes.post("/v1/models/{target}", guard.predicting(this::predict));
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

  private void predict(Context ctx) {
    String target = ctx.pathParam("target");
    int colon = target.lastIndexOf(':');
    String verb = colon < 0 ? "" : target.substring(colon + 1);
    if (!verb.equals("predict") && !verb.equals("explain")) {
      throw ClientError.notFound("Unknown endpoint POST /v1/models/" + target + "; use"
          + " /v1/models/{name}:predict or :explain.");
    }
    boolean explain = verb.equals("explain") || "true".equals(ctx.queryParam("explain"));
    Bodies.requireContentType(ctx, "application/json");
    byte[] body = Bodies.bytes(ctx);
    PredictionService.Scored scored;
    try {
      scored = service.predict(target.substring(0, colon), null, "native",
          Bodies.requestId(ctx, null), new PredictionService.Decoder() {
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
    ctx.header("X-Request-Id", scored.requestId());
    ctx.header("X-Model-Version", scored.model().version());
    Task task = scored.model().bundle().manifest().task();
    if (!explain) {
      Bodies.replyBytes(ctx, Outputs.predictionsJson(scored.outputs(), task));
      return;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("predictions", Outputs.perRow(scored.outputs(), task));
    out.put("explanations", scored.explanations());
    Bodies.reply(ctx, out);
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
