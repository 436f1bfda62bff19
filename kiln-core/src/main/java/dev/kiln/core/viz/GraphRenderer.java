package dev.kiln.core.viz;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.core.pipeline.DatasetRef;
import dev.kiln.core.pipeline.Node;
import dev.kiln.core.pipeline.Pipeline;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Renders a pipeline as text: Mermaid flowchart, Graphviz DOT, or JSON (nodes, datasets, edges).
 * Nodes are boxes, datasets are rounded; persisted datasets can be marked by a predicate.
 */
public final class GraphRenderer {
  private final Pipeline pipeline;
  private final Predicate<String> persisted;
  private final Map<String, String> ids = new TreeMap<>();

  /** Creates a renderer; {@code persisted} tells which datasets are stored by the catalog. */
  public GraphRenderer(Pipeline pipeline, Predicate<String> persisted) {
    this.pipeline = pipeline;
    this.persisted = persisted;
  }

  /** Returns a Mermaid {@code flowchart LR} definition. */
  public String mermaid() {
    StringBuilder out = new StringBuilder("flowchart LR\n");
    for (String d : pipeline.datasets()) {
      String shape = persisted.test(d) ? "[(\"" + d + "\")]" : "([\"" + d + "\"])";
      out.append("  ").append(id("d", d)).append(shape).append('\n');
    }
    for (Node n : pipeline.nodes()) {
      out.append("  ").append(id("n", n.name())).append("[\"").append(n.name()).append("\"]\n");
      n.inputs().forEach(i -> out.append("  ").append(id("d", i.name())).append(" --> ")
          .append(id("n", n.name())).append('\n'));
      n.outputs().forEach(o -> out.append("  ").append(id("n", n.name())).append(" --> ")
          .append(id("d", o.name())).append('\n'));
    }
    return out.toString();
  }

  /** Returns a Graphviz DOT digraph. */
  public String dot() {
    StringBuilder out = new StringBuilder("digraph pipeline {\n  rankdir=LR;\n");
    for (String d : pipeline.datasets()) {
      out.append("  \"").append(esc(d)).append("\" [shape=")
          .append(persisted.test(d) ? "cylinder" : "ellipse").append("];\n");
    }
    for (Node n : pipeline.nodes()) {
      String node = "\"node:" + esc(n.name()) + "\"";
      out.append("  ").append(node).append(" [shape=box, label=\"").append(esc(n.name()))
          .append("\"];\n");
      n.inputs().forEach(i -> out.append("  \"").append(esc(i.name())).append("\" -> ")
          .append(node).append(";\n"));
      n.outputs().forEach(o -> out.append("  ").append(node).append(" -> \"")
          .append(esc(o.name())).append("\";\n"));
    }
    return out.append("}\n").toString();
  }

  /** Returns the graph as JSON: {@code {nodes:[...], datasets:[...], edges:[...]}}. */
  public String json() {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    ArrayNode nodes = root.putArray("nodes");
    ArrayNode edges = root.putArray("edges");
    for (Node n : pipeline.nodes()) {
      ObjectNode node = nodes.addObject().put("name", n.name());
      n.namespace().ifPresent(ns -> node.put("namespace", ns));
      n.tags().forEach(node.putArray("tags")::add);
      n.inputs().forEach(i -> edges.addObject().put("from", i.name()).put("to", n.name()));
      n.outputs().forEach(o -> edges.addObject().put("from", n.name()).put("to", o.name()));
    }
    ArrayNode datasets = root.putArray("datasets");
    pipeline.datasets().forEach(d -> datasets.addObject().put("name", d)
        .put("persisted", persisted.test(d)).put("parameter", DatasetRef.isParameter(d)));
    try {
      return mapper.writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private String id(String kind, String name) {
    return ids.computeIfAbsent(kind + ":" + name, k -> kind + ids.size());
  }

  private static String esc(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
