package dev.kiln.core.pipeline;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The checked dependency graph behind a {@link Pipeline}. */
final class PipelineGraph {
  private final Map<String, Node> byName = new TreeMap<>();
  private final Map<String, Node> producers = new HashMap<>();
  private final Map<String, List<Node>> consumers = new HashMap<>();
  private final List<Node> order;

  private PipelineGraph(Collection<Node> nodes) {
    for (Node node : nodes) {
      Node previous = byName.put(node.name(), node);
      if (previous != null) {
        throw new PipelineException("Pipeline has two nodes named '" + node.name() + "'.",
            "node names must be unique; rename one, or reuse the pipeline under a namespace");
      }
      for (DatasetRef<?> out : node.outputs()) {
        Node other = producers.put(out.name(), node);
        if (other != null) {
          throw new PipelineException("Dataset '" + out.name() + "' is produced by two nodes: "
              + other.label() + " and " + node.label() + ".",
              "each dataset must have one producer; rename one of the outputs");
        }
      }
      node.inputs().forEach(in -> consumers.computeIfAbsent(in.name(), k -> new ArrayList<>())
          .add(node));
    }
    checkTypes();
    this.order = sort();
  }

  static PipelineGraph build(Collection<Node> nodes) {
    return new PipelineGraph(nodes);
  }

  Map<String, Node> producers() {
    return producers;
  }

  List<Node> topologicalOrder() {
    return order;
  }

  private void checkTypes() {
    for (Node node : byName.values()) {
      for (DatasetRef<?> in : node.inputs()) {
        Node producer = producers.get(in.name());
        if (producer == null) {
          continue;
        }
        DatasetRef<?> out = producer.outputs().stream()
            .filter(o -> o.name().equals(in.name())).findFirst().orElseThrow();
        if (!in.type().isAssignableFrom(out.type())) {
          throw new PipelineException("Type mismatch on dataset '" + in.name() + "': "
              + producer.label() + " produces " + out.type().getName() + " but "
              + node.label() + " reads it as " + in.type().getName() + ".",
              "declare both references with the same type, or add a node that converts it");
        }
      }
    }
  }

  private List<Node> sort() {
    Map<String, Integer> pending = new HashMap<>();
    TreeSet<String> ready = new TreeSet<>();
    for (Node node : byName.values()) {
      int deps = (int) node.inputs().stream().filter(i -> producers.containsKey(i.name())).count();
      pending.put(node.name(), deps);
      if (deps == 0) {
        ready.add(node.name());
      }
    }
    List<Node> sorted = new ArrayList<>(byName.size());
    while (!ready.isEmpty()) {
      Node node = byName.get(ready.pollFirst());
      sorted.add(node);
      for (DatasetRef<?> out : node.outputs()) {
        for (Node consumer : consumers.getOrDefault(out.name(), List.of())) {
          if (pending.merge(consumer.name(), -1, Integer::sum) == 0) {
            ready.add(consumer.name());
          }
        }
      }
    }
    if (sorted.size() < byName.size()) {
      throw new PipelineException("Pipeline has a cycle: " + findCycle(pending) + ".",
          "a node cannot depend, directly or not, on its own output; break the cycle");
    }
    return List.copyOf(sorted);
  }

  /**
   * Walks back from a blocked node through blocked producers until a node repeats; returns the
   * cycle in data-flow order, starting at its alphabetically first node.
   */
  private String findCycle(Map<String, Integer> pending) {
    Node current = byName.get(pending.entrySet().stream().filter(e -> e.getValue() > 0)
        .map(Map.Entry::getKey).sorted().findFirst().orElseThrow());
    List<Node> path = new ArrayList<>();
    while (!path.contains(current)) {
      path.add(current);
      current = current.inputs().stream().map(i -> producers.get(i.name()))
          .filter(p -> p != null && pending.get(p.name()) > 0)
          .min(java.util.Comparator.comparing(Node::name)).orElseThrow();
    }
    List<Node> cycle = new ArrayList<>(path.subList(path.indexOf(current), path.size()));
    java.util.Collections.reverse(cycle);
    Node first = cycle.stream().min(java.util.Comparator.comparing(Node::name)).orElseThrow();
    java.util.Collections.rotate(cycle, -cycle.indexOf(first));
    cycle.add(cycle.get(0));
    StringBuilder text = new StringBuilder("'" + cycle.get(0).name() + "'");
    for (int i = 1; i < cycle.size(); i++) {
      text.append(" -[").append(datasetBetween(cycle.get(i - 1), cycle.get(i))).append("]-> '")
          .append(cycle.get(i).name()).append("'");
    }
    cycle.stream().distinct().filter(n -> n.source().isPresent()).forEach(n ->
        text.append(text.indexOf("; declared at") < 0 ? "; declared at " : ", ")
            .append(n.name()).append(' ').append(n.source().get()));
    return text.toString();
  }

  private static String datasetBetween(Node from, Node to) {
    return from.outputs().stream().map(DatasetRef::name)
        .filter(d -> to.inputs().stream().anyMatch(i -> i.name().equals(d)))
        .findFirst().orElseThrow();
  }

  Set<String> freeInputs() {
    Set<String> result = new TreeSet<>(consumers.keySet());
    result.removeAll(producers.keySet());
    return result;
  }

  Set<String> terminalOutputs() {
    Set<String> result = new TreeSet<>(producers.keySet());
    result.removeAll(consumers.keySet());
    return result;
  }

  Set<String> datasets() {
    Set<String> result = new TreeSet<>(consumers.keySet());
    result.addAll(producers.keySet());
    return result;
  }

  Set<Node> downstreamOfNodes(Set<String> names) {
    Deque<Node> todo = new ArrayDeque<>();
    names.forEach(n -> todo.add(byName.get(n)));
    return walk(todo, n -> n.outputs().stream()
        .flatMap(o -> consumers.getOrDefault(o.name(), List.of()).stream()).toList());
  }

  Set<Node> upstreamOfNodes(Set<String> names) {
    Deque<Node> todo = new ArrayDeque<>();
    names.forEach(n -> todo.add(byName.get(n)));
    return walk(todo, n -> n.inputs().stream().map(i -> producers.get(i.name()))
        .filter(p -> p != null).toList());
  }

  Set<Node> downstreamOfDatasets(Set<String> datasets) {
    Set<String> starts = new TreeSet<>();
    datasets.forEach(d -> consumers.getOrDefault(d, List.of()).forEach(c -> starts.add(c.name())));
    return downstreamOfNodes(starts);
  }

  Set<Node> upstreamOfDatasets(Set<String> datasets) {
    Set<String> starts = new TreeSet<>();
    datasets.stream().map(producers::get).filter(p -> p != null).forEach(p -> starts.add(p.name()));
    return upstreamOfNodes(starts);
  }

  private static Set<Node> walk(Deque<Node> todo, java.util.function.Function<Node, List<Node>> next) {
    Set<Node> seen = new HashSet<>();
    while (!todo.isEmpty()) {
      Node node = todo.poll();
      if (seen.add(node)) {
        todo.addAll(next.apply(node));
      }
    }
    return seen;
  }
}
