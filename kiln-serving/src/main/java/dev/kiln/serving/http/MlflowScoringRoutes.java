package dev.kiln.serving.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.kiln.data.ColumnType;
import dev.kiln.data.Frame;
import dev.kiln.ml.Task;
import dev.kiln.ml.bundle.FieldSpec;
import dev.kiln.serving.ClientError;
import dev.kiln.serving.ModelSlot;
import dev.kiln.serving.PredictionService;
import dev.kiln.serving.TabularInputs;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * MLflow's scoring protocol ({@code mlflow models serve}): {@code GET /ping}, {@code /health},
 * {@code /version}, and {@code POST /invocations} with {@code dataframe_split},
 * {@code dataframe_records}, {@code instances} or {@code inputs}, or a CSV body. When several
 * models are served, {@code ?model=NAME} picks one.
 */
final class MlflowScoringRoutes {
  static final String PATH = "/invocations";
  private static final List<String> FORMATS = List.of("dataframe_split", "dataframe_records",
      "instances", "inputs");
  private static final CsvMapper CSV = new CsvMapper();

  private final PredictionService service;
  private final Guard guard;
  private final String kilnVersion;

  MlflowScoringRoutes(PredictionService service, Guard guard, String kilnVersion) {
    this.service = service;
    this.guard = guard;
    this.kilnVersion = kilnVersion;
  }

  void configure(JavalinConfig config) {
    config.routes.get("/ping", ctx -> ctx.result("\n"));
    config.routes.get("/health", ctx -> ctx.result("\n"));
    config.routes.get("/version", ctx -> ctx.result(kilnVersion));
    config.routes.post(PATH, guard.predicting(this::invocations));
  }

  private void invocations(Context ctx) {
    String model = modelName(ctx.queryParam("model"));
    String type = Bodies.requireContentType(ctx, "application/json", "text/csv");
    Function<TabularInputs, Frame> decode = type.equals("text/csv") ? csv(ctx) : json(ctx);
    PredictionService.Scored scored = service.predict(model, null, "mlflow",
        Bodies.requestId(ctx, null), decode, false);
    ctx.header("X-Request-Id", scored.requestId());
    Task task = scored.model().bundle().manifest().task();
    Bodies.reply(ctx, Map.of("predictions", task == Task.REGRESSION
        ? Outputs.perRow(scored.outputs(), task) : Outputs.records(scored.outputs())));
  }

  private String modelName(String requested) {
    if (requested != null) {
      return requested;
    }
    Collection<ModelSlot> slots = service.models().slots();
    if (slots.size() != 1) {
      throw ClientError.badRequest("This server serves " + slots.stream().map(ModelSlot::name)
          .toList() + "; choose one with /invocations?model=NAME.");
    }
    return slots.iterator().next().name();
  }

  private static Function<TabularInputs, Frame> json(Context ctx) {
    JsonNode body = Bodies.json(ctx);
    List<String> given = new ArrayList<>();
    for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (FORMATS.contains(key)) {
        given.add(key);
      } else if (!key.equals("params")) {
        throw ClientError.badRequest("Unknown key '" + key + "'; send exactly one of " + FORMATS
            + ".");
      }
    }
    if (given.size() != 1) {
      throw ClientError.badRequest("Send exactly one of " + FORMATS + ", got " + given + ".");
    }
    String key = given.get(0);
    JsonNode value = body.get(key);
    return switch (key) {
      case "dataframe_split" -> reader -> {
        if (!value.isObject() || !value.path("columns").isArray()) {
          throw ClientError.badRequest("'dataframe_split' must be {\"columns\": [..],"
              + " \"data\": [[..], ..]}.");
        }
        List<String> columns = new ArrayList<>();
        value.get("columns").forEach(c -> columns.add(c.asText()));
        return reader.rows(value.get("data"), columns, "dataframe_split.data");
      };
      case "inputs" -> reader -> value.isObject() ? reader.columns(value, key)
          : reader.instances(value, key);
      default -> reader -> reader.instances(value, key);
    };
  }

  /** Reads a CSV body with a header row; each value is typed by its field. */
  private static Function<TabularInputs, Frame> csv(Context ctx) {
    List<Map<String, String>> rows = new ArrayList<>();
    try (MappingIterator<Map<String, String>> it = CSV.readerForMapOf(String.class)
        .with(CsvSchema.emptySchema().withHeader())
        .readValues(new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8))) {
      while (it.hasNext()) {
        rows.add(it.next());
      }
    } catch (IOException | RuntimeException e) {
      throw ClientError.badRequest("The CSV body cannot be read: " + e.getMessage());
    }
    return reader -> {
      ArrayNode records = JsonNodeFactory.instance.arrayNode();
      for (Map<String, String> row : rows) {
        ObjectNode record = records.addObject();
        for (Map.Entry<String, String> e : row.entrySet()) {
          record.set(e.getKey(), typed(e.getValue(), field(reader, e.getKey())));
        }
      }
      return reader.instances(records, "CSV rows");
    };
  }

  private static FieldSpec field(TabularInputs reader, String name) {
    return reader.fields().stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
  }

  private static JsonNode typed(String text, FieldSpec field) {
    JsonNodeFactory json = JsonNodeFactory.instance;
    if (text == null || text.isEmpty()) {
      return json.nullNode();
    }
    if (field == null || field.type() == ColumnType.STRING
        || field.type() == ColumnType.TIMESTAMP) {
      return json.textNode(text);
    }
    if (field.type() == ColumnType.BOOLEAN) {
      return text.equalsIgnoreCase("true") ? json.booleanNode(true)
          : text.equalsIgnoreCase("false") ? json.booleanNode(false) : json.textNode(text);
    }
    try {
      return json.numberNode(Double.parseDouble(text));
    } catch (NumberFormatException e) {
      return json.textNode(text);
    }
  }
}
