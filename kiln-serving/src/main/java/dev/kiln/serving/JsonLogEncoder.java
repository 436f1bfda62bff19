package dev.kiln.serving;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes an entry as JSON lines, one per row: {@code {"request_id","row","timestamp","model",
 * "version","role","latency_ms","inputs":{...},"outputs":{...}}}.
 */
final class JsonLogEncoder implements LogEncoder {
  private static final JsonFactory JSON = JsonFactory.builder()
      .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();
  private static final int MAX_KEPT_BUFFER = 1 << 20;

  private ByteArrayOutputStream lines = new ByteArrayOutputStream(1 << 12);

  @Override
  public byte[] startFile() {
    return new byte[0];
  }

  @Override
  public int write(PredictionLog.Entry e, OutputStream out) throws IOException {
    Frame inputs = e.inputs().get();
    lines.reset();
    try (JsonGenerator json = JSON.createGenerator(lines, JsonEncoding.UTF8)) {
      json.setRootValueSeparator(null);
      String ts = e.timestamp().toString();
      for (int r = 0; r < e.rows(); r++) {
        json.writeStartObject();
        json.writeStringField("request_id", e.requestId());
        json.writeNumberField("row", r);
        json.writeStringField("timestamp", ts);
        json.writeStringField("model", e.model());
        json.writeStringField("version", e.version());
        json.writeStringField("role", e.role());
        json.writeNumberField("latency_ms", e.latencyMs());
        writeRow(json, "inputs", inputs, r);
        writeRow(json, "outputs", e.outputs(), r);
        json.writeEndObject();
        json.writeRaw('\n');
      }
    }
    int size = lines.size();
    lines.writeTo(out);
    if (size > MAX_KEPT_BUFFER) {
      lines = new ByteArrayOutputStream(1 << 12);
    }
    return size;
  }

  private static void writeRow(JsonGenerator json, String field, Frame frame, int row)
      throws IOException {
    json.writeObjectFieldStart(field);
    for (Column c : frame.columns()) {
      json.writeFieldName(c.name());
      if (c.isNull(row)) {
        json.writeNull();
        continue;
      }
      switch (c.type()) {
        case DOUBLE -> json.writeNumber(c.getDouble(row));
        case LONG -> json.writeNumber(c.getLong(row));
        case BOOLEAN -> json.writeBoolean(c.getBoolean(row));
        case STRING, TIMESTAMP -> json.writeString(String.valueOf(c.get(row)));
      }
    }
    json.writeEndObject();
  }
}
