package dev.kiln.tracking;

import dev.kiln.core.KilnException;
import dev.kiln.core.nodes.NodeCall;
import dev.kiln.core.nodes.NodeType;
import dev.kiln.core.nodes.Port;
import dev.kiln.core.pipeline.Metrics;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A test node type for tracked project runs: upper-cases a text and reports its length as a
 * metric (with a two-step history); {@code fail: true} makes it throw.
 */
public final class ShoutNode implements NodeType {
  /**
   * The parameters.
   *
   * @param fail whether the node throws instead
   */
  public record Params(Boolean fail) {}

  @Override
  public String name() {
    return "shout";
  }

  @Override
  public String summary() {
    return "Upper-cases a text.";
  }

  @Override
  public List<Port> inputs() {
    return List.of(Port.required("text", String.class, "the text"));
  }

  @Override
  public List<Port> outputs() {
    return List.of(Port.required("text", String.class, "the text in capitals"),
        Port.required("stats", Metrics.class, "its length"));
  }

  @Override
  public Class<? extends Record> parameters() {
    return Params.class;
  }

  @Override
  public Map<String, Object> run(NodeCall call) {
    if (Boolean.TRUE.equals(call.parameters(Params.class).fail())) {
      throw new KilnException("shout was told to fail.", "set fail: false");
    }
    String text = call.input("text", String.class);
    return Map.of("text", text.toUpperCase(Locale.ROOT), "stats", Metrics.of(
        Map.of("length", (double) text.length())).withHistory("steps", List.of(1.0, 2.0)));
  }
}
