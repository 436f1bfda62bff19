package dev.kiln.core.runner;

import dev.kiln.core.KilnException;
import dev.kiln.core.catalog.DataCatalog;
import dev.kiln.core.catalog.Dataset;
import dev.kiln.core.pipeline.DatasetRef;
import dev.kiln.core.pipeline.Names;
import dev.kiln.core.pipeline.Node;
import dev.kiln.core.pipeline.Pipeline;
import java.util.Set;
import java.util.TreeSet;

/** Checks a pipeline against a catalog before anything runs. */
final class InputCheck {
  private InputCheck() {}

  static void check(Pipeline pipeline, DataCatalog catalog) {
    Set<String> missing = new TreeSet<>();
    for (String input : pipeline.inputs()) {
      if (!catalog.isDeclared(input)) {
        missing.add(input);
      }
    }
    if (!missing.isEmpty()) {
      throw missingInputs(pipeline, catalog, missing);
    }
    for (Node node : pipeline.nodes()) {
      node.inputs().forEach(ref -> checkRead(catalog, node, ref));
      node.outputs().forEach(ref -> checkWrite(catalog, node, ref));
    }
  }

  private static KilnException missingInputs(Pipeline pipeline, DataCatalog catalog,
      Set<String> missing) {
    StringBuilder detail = new StringBuilder();
    for (String name : missing) {
      String readers = pipeline.consumersOf(name).stream().map(Node::label).toList().toString();
      detail.append("\n  '").append(name).append("' read by ").append(readers);
      Names.closest(name, catalog.entries().keySet())
          .ifPresent(c -> detail.append(" (did you mean '").append(c).append("'?)"));
    }
    return new KilnException("Pipeline inputs not found in the catalog and produced by no node:"
        + detail, "declare them in conf/base/catalog.yml, define the parameters in"
        + " parameters.yml, or include the nodes that produce them");
  }

  private static void checkRead(DataCatalog catalog, Node node, DatasetRef<?> ref) {
    if (ref.isParameter()) {
      ValueConverter.convert(catalog.dataset(ref.name()).load(), ref.type(), ref.name(),
          node.name());
      return;
    }
    if (!catalog.isPersisted(ref.name())) {
      return;
    }
    Class<?> stored = catalog.dataset(ref.name()).valueType();
    if (stored != Object.class && !ref.type().isAssignableFrom(stored)) {
      throw new KilnException("Type mismatch on dataset '" + ref.name() + "': the catalog loads "
          + stored.getName() + " but node '" + node.name() + "' reads " + ref.type().getName()
          + ".", "change the catalog entry's type or the node's DatasetRef type");
    }
  }

  private static void checkWrite(DataCatalog catalog, Node node, DatasetRef<?> ref) {
    if (!catalog.isPersisted(ref.name())) {
      return;
    }
    Dataset<?> dataset = catalog.dataset(ref.name());
    Class<?> stored = dataset.valueType();
    if (stored != Object.class && !stored.isAssignableFrom(ref.type())) {
      throw new KilnException("Type mismatch on dataset '" + ref.name() + "': node '"
          + node.name() + "' writes " + ref.type().getName() + " but the catalog entry stores "
          + stored.getName() + ".", "change the catalog entry's type or the node's output type");
    }
  }
}
