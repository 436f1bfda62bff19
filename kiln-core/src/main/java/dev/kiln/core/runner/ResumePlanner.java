package dev.kiln.core.runner;

import dev.kiln.core.catalog.DataCatalog;
import dev.kiln.core.pipeline.DatasetRef;
import dev.kiln.core.pipeline.Node;
import dev.kiln.core.pipeline.Pipeline;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the smallest {@code --from-nodes} list that resumes a failed run: every node that did not
 * finish, plus every finished node whose in-memory outputs they need (memory is gone after the
 * run), keeping only the nodes with no ancestor in that set.
 */
final class ResumePlanner {
  private ResumePlanner() {}

  static List<String> plan(Pipeline pipeline, DataCatalog catalog, Set<String> finished) {
    Set<Node> toRun = new LinkedHashSet<>();
    Deque<Node> todo = new ArrayDeque<>();
    pipeline.nodes().stream().filter(n -> !finished.contains(n.name())).forEach(todo::add);
    while (!todo.isEmpty()) {
      Node node = todo.poll();
      if (!toRun.add(node)) {
        continue;
      }
      for (DatasetRef<?> in : node.inputs()) {
        pipeline.producerOf(in.name())
            .filter(p -> !catalog.isPersisted(in.name()) || !catalog.dataset(in.name()).exists())
            .ifPresent(todo::add);
      }
    }
    Set<String> names = new LinkedHashSet<>();
    toRun.forEach(n -> names.add(n.name()));
    return pipeline.nodes().stream().filter(toRun::contains)
        .filter(n -> n.inputs().stream().noneMatch(i -> pipeline.producerOf(i.name())
            .map(p -> names.contains(p.name())).orElse(false)))
        .map(Node::name).toList();
  }
}
