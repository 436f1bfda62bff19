package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.data.Column;
import dev.kiln.data.ColumnType;
import dev.kiln.data.Frame;
import dev.kiln.serving.ModelServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

/** A bundle served in-process on a free loopback port, asked one raw record at a time. */
final class ServedBundle implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final ModelServer server;
  private final URI predict;
  private final HttpClient http = HttpClient.newHttpClient();

  ServedBundle(Path bundle, String model) {
    server = ModelServer.create(cfg -> cfg.http(http -> http.address("127.0.0.1", 0))
        .models(m -> m.serve(bundle.toString()).maxRows(100)));
    predict = URI.create("http://127.0.0.1:" + server.port() + "/v1/models/" + model
        + ":predict");
  }

  /**
   * Sends row {@code r} of the frame's {@code inputs} columns alone, as a JSON object with the
   * frame's own types (text as strings, whole-number columns as integers, missing as null), and
   * returns the answer's {@code field} ({@code probability} or {@code prediction}).
   */
  double predictRow(Frame frame, List<String> inputs, int r, String field) throws Exception {
    ObjectNode row = JSON.createObjectNode();
    for (String c : inputs) {
      Column column = frame.column(c);
      if (column.isNull(r)) {
        row.putNull(c);
      } else if (column.type() == ColumnType.STRING) {
        row.put(c, String.valueOf(column.get(r)));
      } else if (column.type() == ColumnType.LONG) {
        row.put(c, (long) column.getDouble(r));
      } else {
        row.put(c, column.getDouble(r));
      }
    }
    String body = JSON.writeValueAsString(JSON.createObjectNode()
        .set("instances", JSON.createArrayNode().add(row)));
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(predict)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode answer = JSON.readTree(response.body()).get("predictions").get(0);
    return (answer.isObject() ? answer.get(field) : answer).asDouble();
  }

  @Override
  public void close() {
    server.close();
  }
}
