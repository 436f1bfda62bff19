package dev.kiln.serving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.core.KilnException;
import dev.kiln.data.Column;
import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.LongColumn;
import dev.kiln.data.StringColumn;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Sends rows to a Kiln model server, the way a client application would: only the model's input
 * columns (read from the server's metadata), as MLflow {@code dataframe_split} requests, each
 * with its own request id. Returns the prediction columns plus {@code request_id} and
 * {@code row}, the keys labels are joined on later.
 */
public final class ServerClient implements UnaryOperator<Frame> {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final String model;
  private final String token;
  private final String requestPrefix;
  private final List<String> inputs;
  private int requests;

  /**
   * Connects to a server and reads the model's inputs.
   *
   * @param token a bearer token, or null
   * @param requestPrefix request ids are {@code <prefix>-<n>}
   * @throws KilnException if the server cannot be reached or does not serve the model
   */
  public ServerClient(String server, String model, String token, String requestPrefix) {
    this.base = server.replaceAll("/+$", "");
    this.model = model;
    this.token = token;
    this.requestPrefix = requestPrefix;
    JsonNode meta = send(HttpRequest.newBuilder(URI.create(base + "/v2/models/"
        + URLEncoder.encode(model, StandardCharsets.UTF_8))).GET());
    List<String> names = new ArrayList<>();
    meta.path("inputs").forEach(i -> names.add(i.path("name").asText()));
    this.inputs = List.copyOf(names);
  }

  /**
   * Predicts a chunk through the server.
   *
   * @throws KilnException with the server's error message if it refuses the request
   */
  @Override
  public Frame apply(Frame chunk) {
    String requestId = requestPrefix + "-" + (++requests);
    ObjectNode split = JSON.createObjectNode();
    ArrayNode columns = split.putArray("columns");
    inputs.forEach(columns::add);
    ArrayNode data = split.putArray("data");
    for (int r = 0; r < chunk.rowCount(); r++) {
      ArrayNode row = data.addArray();
      for (String name : inputs) {
        if (!chunk.hasColumn(name)) {
          throw new KilnException("The input has no column '" + name + "', which model '"
              + model + "' needs.", "its inputs are " + inputs);
        }
        row.addPOJO(chunk.column(name).get(r));
      }
    }
    ObjectNode body = JSON.createObjectNode();
    body.set("dataframe_split", split);
    HttpRequest.Builder request;
    try {
      request = HttpRequest.newBuilder(URI.create(base + "/invocations?model="
          + URLEncoder.encode(model, StandardCharsets.UTF_8)))
          .header("Content-Type", "application/json").header("X-Request-Id", requestId)
          .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
    } catch (IOException e) {
      throw new KilnException("Cannot encode the request: " + e.getMessage(), null, e);
    }
    return outputs(send(request).path("predictions"), chunk.rowCount(), requestId);
  }

  private static Frame outputs(JsonNode predictions, int rows, String requestId) {
    Map<String, double[]> values = new LinkedHashMap<>();
    for (int r = 0; r < rows; r++) {
      JsonNode p = predictions.get(r);
      if (p.isNumber()) {
        values.computeIfAbsent("prediction", k -> new double[rows])[r] = p.doubleValue();
        continue;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        values.computeIfAbsent(e.getKey(), k -> new double[rows])[r] = e.getValue().asDouble();
      }
    }
    List<Column> columns = new ArrayList<>();
    values.forEach((name, v) -> columns.add(DoubleColumn.of(name, v)));
    String[] ids = new String[rows];
    long[] index = new long[rows];
    for (int r = 0; r < rows; r++) {
      ids[r] = requestId;
      index[r] = r;
    }
    columns.add(StringColumn.of("request_id", ids));
    columns.add(LongColumn.of("row", index));
    return Frame.of(columns);
  }

  private JsonNode send(HttpRequest.Builder request) {
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(60)).build(),
          HttpResponse.BodyHandlers.ofString());
      JsonNode body = JSON.readTree(r.body());
      if (r.statusCode() != 200) {
        throw new KilnException("The server refused the request (" + r.statusCode() + "): "
            + body.path("error").asText(r.body()), "fix the input, or check the model name");
      }
      return body;
    } catch (IOException e) {
      throw new KilnException("Cannot reach the model server at " + base + ": "
          + e.getMessage(), "check that 'kiln serve' runs there");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KilnException("Interrupted while waiting for the server.", null, e);
    }
  }
}
