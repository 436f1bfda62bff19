package dev.kiln.core.project;

import dev.kiln.core.pipeline.Pipeline;
import java.util.List;

/**
 * The node selections of {@code kiln run}; empty lists select everything. Applied in this order:
 * tags, nodes, from-nodes, to-nodes, from-inputs, to-outputs, namespace. Build them with {@link
 * #builder()}, e.g. {@code NodeFilters.builder().tags(List.of("train")).build()}.
 *
 * @param tags keep nodes with any of these tags
 * @param nodes keep only these nodes
 * @param fromNodes keep these nodes and everything downstream
 * @param toNodes keep these nodes and everything upstream
 * @param fromInputs keep nodes depending on these datasets
 * @param toOutputs keep nodes needed for these datasets
 * @param namespace keep nodes of this namespace, or null
 */
public record NodeFilters(List<String> tags, List<String> nodes, List<String> fromNodes,
    List<String> toNodes, List<String> fromInputs, List<String> toOutputs, String namespace) {

  /** Copies the lists. */
  public NodeFilters {
    tags = List.copyOf(tags);
    nodes = List.copyOf(nodes);
    fromNodes = List.copyOf(fromNodes);
    toNodes = List.copyOf(toNodes);
    fromInputs = List.copyOf(fromInputs);
    toOutputs = List.copyOf(toOutputs);
  }

  /** Returns filters that select every node. */
  public static NodeFilters none() {
    return builder().build();
  }

  /** Starts filters that select every node until narrowed. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a copy whose from-nodes are replaced. */
  public NodeFilters withFromNodes(List<String> names) {
    return new NodeFilters(tags, nodes, names, toNodes, fromInputs, toOutputs, namespace);
  }

  /**
   * Applies the filters.
   *
   * @throws dev.kiln.core.pipeline.PipelineException if a filter names unknown nodes or datasets,
   *     or selects nothing
   */
  public Pipeline apply(Pipeline pipeline) {
    Pipeline p = pipeline;
    p = tags.isEmpty() ? p : p.onlyNodesWithTags(tags);
    p = nodes.isEmpty() ? p : p.onlyNodes(nodes);
    p = fromNodes.isEmpty() ? p : p.fromNodes(fromNodes);
    p = toNodes.isEmpty() ? p : p.toNodes(toNodes);
    p = fromInputs.isEmpty() ? p : p.fromInputs(fromInputs);
    p = toOutputs.isEmpty() ? p : p.toOutputs(toOutputs);
    p = namespace == null ? p : p.onlyNamespace(namespace);
    if (p.nodes().isEmpty()) {
      throw new dev.kiln.core.pipeline.PipelineException("The filters select no nodes.",
          "check --tags, --nodes and the other filters against 'kiln pipelines describe'");
    }
    return p;
  }

  /** Builds {@link NodeFilters}; each unset selection keeps every node. */
  public static final class Builder {
    private List<String> tags = List.of();
    private List<String> nodes = List.of();
    private List<String> fromNodes = List.of();
    private List<String> toNodes = List.of();
    private List<String> fromInputs = List.of();
    private List<String> toOutputs = List.of();
    private String namespace;

    private Builder() {}

    /** Keeps nodes with any of these tags. */
    public Builder tags(List<String> names) {
      this.tags = names;
      return this;
    }

    /** Keeps only these nodes. */
    public Builder nodes(List<String> names) {
      this.nodes = names;
      return this;
    }

    /** Keeps these nodes and everything downstream of them. */
    public Builder fromNodes(List<String> names) {
      this.fromNodes = names;
      return this;
    }

    /** Keeps these nodes and everything upstream of them. */
    public Builder toNodes(List<String> names) {
      this.toNodes = names;
      return this;
    }

    /** Keeps the nodes that depend on these datasets. */
    public Builder fromInputs(List<String> datasets) {
      this.fromInputs = datasets;
      return this;
    }

    /** Keeps the nodes needed to produce these datasets. */
    public Builder toOutputs(List<String> datasets) {
      this.toOutputs = datasets;
      return this;
    }

    /** Keeps the nodes of this namespace (null: any). */
    public Builder namespace(String name) {
      this.namespace = name;
      return this;
    }

    /** Returns the filters. */
    public NodeFilters build() {
      return new NodeFilters(tags, nodes, fromNodes, toNodes, fromInputs, toOutputs, namespace);
    }
  }
}
