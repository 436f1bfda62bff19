package dev.kiln.core.pipeline;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * An immutable, validated graph of nodes wired by dataset names.
 *
 * <p>Building a pipeline checks, before anything runs: duplicate node names, a dataset produced by
 * two nodes, cycles (the cycle is printed) and type mismatches between a producer and a consumer.
 * Inputs nobody produces are checked against the catalog by the runner. Filters return new
 * pipelines; {@link #nodes()} is in deterministic topological order (ties broken by name).
 */
public final class Pipeline {
  private final List<Node> nodes;
  private final PipelineGraph graph;

  private Pipeline(Collection<Node> nodes) {
    this.graph = PipelineGraph.build(nodes);
    this.nodes = graph.topologicalOrder();
  }

  /**
   * Creates a pipeline from nodes.
   *
   * @throws PipelineException if the nodes do not form a valid graph
   */
  public static Pipeline of(Node... nodes) {
    return new Pipeline(List.of(nodes));
  }

  /**
   * Creates a pipeline from nodes.
   *
   * @throws PipelineException if the nodes do not form a valid graph
   */
  public static Pipeline of(Collection<Node> nodes) {
    return new Pipeline(nodes);
  }

  /**
   * Returns this pipeline reused under a namespace, with inputs, outputs and parameters remapped
   * (Kedro's {@code pipeline(pipe, inputs=..., outputs=..., parameters=..., namespace=...)}).
   *
   * @throws PipelineException if a mapping names a dataset that is not a free input, an output
   *     or a parameter of this pipeline
   */
  public Pipeline reuse(Reuse reuse) {
    return new Pipeline(Namespacer.apply(this, reuse));
  }

  /**
   * Returns the nodes of both pipelines.
   *
   * @throws PipelineException if the union is not a valid graph (e.g. both produce a dataset)
   */
  public Pipeline plus(Pipeline other) {
    Map<String, Node> union = new LinkedHashMap<>();
    nodes.forEach(n -> union.put(n.name(), n));
    for (Node n : other.nodes) {
      Node existing = union.putIfAbsent(n.name(), n);
      if (existing != null && existing != n) {
        throw new PipelineException("Both pipelines have a node named '" + n.name() + "'.",
            "rename one of them, or reuse one pipeline under a namespace");
      }
    }
    return new Pipeline(union.values());
  }

  /** Returns the nodes in topological order. */
  public List<Node> nodes() {
    return nodes;
  }

  /** Returns the node names in topological order. */
  public List<String> nodeNames() {
    return nodes.stream().map(Node::name).toList();
  }

  /** Returns the datasets read but produced by no node of this pipeline, sorted. */
  public Set<String> inputs() {
    return graph.freeInputs();
  }

  /** Returns the datasets produced by a node of this pipeline and read by none, sorted. */
  public Set<String> outputs() {
    return graph.terminalOutputs();
  }

  /** Returns every dataset the pipeline reads or writes, sorted. */
  public Set<String> datasets() {
    return graph.datasets();
  }

  /** Returns the node that produces a dataset, if this pipeline has one. */
  public java.util.Optional<Node> producerOf(String dataset) {
    return java.util.Optional.ofNullable(graph.producers().get(dataset));
  }

  /** Returns the nodes that read a dataset, in topological order. */
  public List<Node> consumersOf(String dataset) {
    return nodes.stream()
        .filter(n -> n.inputs().stream().anyMatch(r -> r.name().equals(dataset))).toList();
  }

  /** Returns the nodes having at least one of the tags. */
  public Pipeline onlyNodesWithTags(Collection<String> tags) {
    return filter(n -> n.tags().stream().anyMatch(tags::contains));
  }

  /**
   * Returns only the named nodes.
   *
   * @throws PipelineException naming the unknown nodes, with suggestions
   */
  public Pipeline onlyNodes(Collection<String> names) {
    Set<String> wanted = checkNodeNames(names);
    return filter(n -> wanted.contains(n.name()));
  }

  /** Returns the nodes of a namespace and its sub-namespaces. */
  public Pipeline onlyNamespace(String namespace) {
    Pipeline result = filter(n -> n.namespace()
        .map(ns -> ns.equals(namespace) || ns.startsWith(namespace + ".")).orElse(false));
    if (result.nodes.isEmpty()) {
      throw new PipelineException("Pipeline has no nodes in namespace '" + namespace + "'.",
          "namespaces are " + namespaces());
    }
    return result;
  }

  /**
   * Returns the named nodes and everything downstream of them.
   *
   * @throws PipelineException naming the unknown nodes
   */
  public Pipeline fromNodes(Collection<String> names) {
    return filter(graph.downstreamOfNodes(checkNodeNames(names))::contains);
  }

  /**
   * Returns the named nodes and everything upstream of them.
   *
   * @throws PipelineException naming the unknown nodes
   */
  public Pipeline toNodes(Collection<String> names) {
    return filter(graph.upstreamOfNodes(checkNodeNames(names))::contains);
  }

  /**
   * Returns the nodes that depend, directly or not, on the given datasets.
   *
   * @throws PipelineException naming datasets this pipeline does not use
   */
  public Pipeline fromInputs(Collection<String> datasets) {
    return filter(graph.downstreamOfDatasets(checkDatasets(datasets))::contains);
  }

  /**
   * Returns the nodes needed to produce the given datasets.
   *
   * @throws PipelineException naming datasets this pipeline does not use
   */
  public Pipeline toOutputs(Collection<String> datasets) {
    return filter(graph.upstreamOfDatasets(checkDatasets(datasets))::contains);
  }

  /** Returns the namespaces of the nodes, sorted. */
  public Set<String> namespaces() {
    Set<String> result = new TreeSet<>();
    nodes.forEach(n -> n.namespace().ifPresent(result::add));
    return result;
  }

  private Pipeline filter(Predicate<Node> keep) {
    List<Node> kept = new ArrayList<>();
    nodes.stream().filter(keep).forEach(kept::add);
    return new Pipeline(kept);
  }

  private Set<String> checkNodeNames(Collection<String> names) {
    Set<String> known = new TreeSet<>(nodeNames());
    Names.requireKnown("Pipeline does not contain nodes named", names, known);
    return new TreeSet<>(names);
  }

  private Set<String> checkDatasets(Collection<String> datasets) {
    Names.requireKnown("Pipeline does not use datasets named", datasets, datasets());
    return new TreeSet<>(datasets);
  }

  @Override
  public String toString() {
    return "Pipeline" + nodeNames();
  }
}
