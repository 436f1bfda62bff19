package dev.kiln.serving.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.kiln.data.ColumnType;
import dev.kiln.data.Frame;
import dev.kiln.ml.Task;
import dev.kiln.ml.bundle.FieldSpec;
import dev.kiln.serving.ClientError;
import dev.kiln.serving.InputRows;
import dev.kiln.serving.ModelSlot;
import dev.kiln.serving.PredictionService;
import dev.kiln.serving.TabularInputs;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

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
  /** The formats whose value is an array of rows, streamed when plainly shaped. */
  private static final Set<String> RECORDS = Set.of("dataframe_records", "instances", "inputs");
  /** Reads a CSV body as an array of lines, each an array of texts; empty lines skipped. */
  static final ObjectReader CSV_LINES = new CsvMapper().readerForListOf(String.class)
      .with(CsvParser.Feature.WRAP_AS_ARRAY).with(CsvParser.Feature.SKIP_EMPTY_LINES);

  private final PredictionService service;
  private final String kilnVersion;

  MlflowScoringRoutes(PredictionService service, String kilnVersion) {
    this.service = service;
    this.kilnVersion = kilnVersion;
  }

  /**
   * Declares the routes.
   *
   * @param quick whether a prediction request is small enough for the event loop
   */
  void declare(Router router, Predicate<Exchange> quick) {
    router.get("/ping", ex -> ex.text("\n"));
    router.get("/health", ex -> ex.text("\n"));
    router.get("/version", ex -> ex.text(kilnVersion));
    router.predict(PATH, List.of("application/json", "text/csv"), quick, this::invocations);
  }

  private void invocations(Exchange ex) {
    String model = modelName(ex.queryParam("model"));
    String type = Bodies.requireContentType(ex, "application/json", "text/csv");
    byte[] body = ex.body();
    PredictionService.Scored scored;
    try {
      scored = service.predict(model, null, "mlflow", Bodies.requestId(ex, null),
          type.equals("text/csv") ? csv(body) : json(body), false);
    } catch (ClientError e) {
      if (e.status() == 404) { // a malformed body is named before an unknown model
        if (type.equals("text/csv")) {
          csvTree(body);
        } else {
          tree(body);
        }
      }
      throw e;
    }
    ex.header("X-Request-Id", scored.requestId());
    Task task = scored.model().bundle().manifest().task();
    ex.json(Map.of("predictions", task == Task.REGRESSION
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

  /**
   * Streams a plainly shaped valid body straight into rows; anything else is read as a tree,
   * which names the problem.
   */
  private static PredictionService.Decoder json(byte[] body) {
    return new PredictionService.Decoder() {
      @Override
      public InputRows rows(TabularInputs reader) {
        InputRows rows = JsonInstances.read(body, body.length, reader, RECORDS);
        return rows != null ? rows : JsonInstances.split(body, reader);
      }

      @Override
      public Frame frame(TabularInputs reader) {
        return tree(body).frame(reader);
      }
    };
  }

  /** Reads the body as a tree, checking its keys. */
  private static PredictionService.Decoder tree(byte[] bytes) {
    JsonNode body = Bodies.json(bytes);
    List<String> given = new ArrayList<>();
    for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (FORMATS.contains(key)) {
        given.add(key);
      } else if (!key.equals("params")) {
        throw ClientError.badRequest("Unknown key " + ClientError.quote(key) + "; send exactly one"
            + " of " + FORMATS + ".");
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

  /**
   * Streams a plainly valid CSV body straight into rows ({@link CsvRows}); anything else is
   * read line by line into a tree, which names the problem.
   */
  private static PredictionService.Decoder csv(byte[] body) {
    return new PredictionService.Decoder() {
      @Override
      public InputRows rows(TabularInputs reader) {
        return CsvRows.read(body, reader);
      }

      @Override
      public Frame frame(TabularInputs reader) {
        return csvTree(body).frame(reader);
      }
    };
  }

  /** Names where the CSV parser stopped and why, without the parser's internal path. */
  private static ClientError unreadableCsv(Exception e) {
    Throwable cause = e instanceof JsonProcessingException ? e : e.getCause();
    if (cause instanceof JsonProcessingException parse) {
      JsonLocation at = parse.getLocation();
      return ClientError.badRequest("The CSV body cannot be read"
          + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr())
          + ": " + parse.getOriginalMessage() + ".");
    }
    return ClientError.badRequest("The CSV body cannot be read: " + e.getMessage());
  }

  /**
   * Reads a CSV body with a header row; each value is typed by its field. A first line naming
   * none of the model's inputs is taken for a missing header.
   */
  static PredictionService.Decoder csvTree(byte[] body) {
    List<List<String>> lines = new ArrayList<>();
    try (MappingIterator<List<String>> it = CSV_LINES.readValues(body)) {
      while (it.hasNext()) {
        lines.add(it.next());
      }
    } catch (IOException | RuntimeException e) {
      throw unreadableCsv(e);
    }
    if (lines.isEmpty()) {
      throw ClientError.badRequest("The CSV body is empty; send a header line naming the"
          + " columns, then one line per row.");
    }
    List<String> header = lines.get(0);
    return reader -> {
      Map<String, FieldSpec> byName = new HashMap<>();
      reader.fields().forEach(f -> byName.put(f.name(), f));
      if (header.stream().noneMatch(byName::containsKey)) {
        throw ClientError.badRequest("The CSV body has no header row: its first line names none"
            + " of the model's inputs " + byName.keySet().stream().sorted().toList() + "; send"
            + " a header line such as '" + String.join(",", reader.fields().stream()
                .map(FieldSpec::name).toList()) + "' first.");
      }
      if (lines.size() == 1) {
        throw ClientError.badRequest("The CSV body has a header but no rows; send at least one"
            + " line of values after it.");
      }
      ArrayNode rows = JsonNodeFactory.instance.arrayNode();
      for (List<String> line : lines.subList(1, lines.size())) {
        ArrayNode row = rows.addArray();
        for (int c = 0; c < line.size(); c++) {
          row.add(typed(line.get(c), c < header.size() ? byName.get(header.get(c)) : null));
        }
      }
      return reader.rows(rows, header, "CSV rows");
    };
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
