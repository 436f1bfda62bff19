package dev.kiln.core.nodes;

import dev.kiln.core.KilnException;
import java.util.List;
import java.util.Map;

/** A test node type: appends a suffix to a text, repeated {@code times} times. */
public final class SuffixNode implements NodeType {
  /**
   * The parameters.
   *
   * @param suffix what to append
   * @param times how often, at least 1
   */
  public record Params(String suffix, Integer times) {
    /** Validates. */
    public Params {
      if (suffix == null) {
        throw new KilnException("parameter 'suffix' is required.", "add suffix: ...");
      }
      times = times == null ? 1 : times;
      if (times < 1) {
        throw new NodeParameters.Invalid("times", "parameter 'times' must be at least 1.", null,
            null);
      }
    }
  }

  @Override
  public String name() {
    return "suffix";
  }

  @Override
  public String summary() {
    return "Appends a suffix.";
  }

  @Override
  public List<Port> inputs() {
    return List.of(Port.required("text", String.class, "the text"),
        Port.optional("extra", String.class, "appended first"));
  }

  @Override
  public List<Port> outputs() {
    return List.of(Port.required("text", String.class, "the result"));
  }

  @Override
  public Class<? extends Record> parameters() {
    return Params.class;
  }

  @Override
  public Map<String, Object> run(NodeCall call) {
    Params p = call.parameters(Params.class);
    String text = call.input("text", String.class)
        + (call.has("extra") ? call.input("extra", String.class) : "");
    return Map.of("text", text + p.suffix().repeat(p.times()));
  }
}
