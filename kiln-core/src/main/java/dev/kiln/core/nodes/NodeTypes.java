package dev.kiln.core.nodes;

import dev.kiln.core.KilnException;
import dev.kiln.core.pipeline.Names;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The built-in node types visible to a class loader (found with {@link ServiceLoader}); a
 * declaration may also name a {@link NodeType} class by its fully qualified name.
 */
public final class NodeTypes {
  private final Map<String, NodeType> byName = new TreeMap<>();
  private final ClassLoader loader;

  private NodeTypes(ClassLoader loader) {
    this.loader = loader;
    ServiceLoader.load(NodeType.class, loader).forEach(t -> byName.putIfAbsent(t.name(), t));
  }

  /** Discovers the node types visible to a class loader. */
  public static NodeTypes discover(ClassLoader loader) {
    return new NodeTypes(loader);
  }

  /** Returns the registered types, sorted by name. */
  public Collection<NodeType> all() {
    return byName.values();
  }

  /** Returns a registered type by name. */
  public Optional<NodeType> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /**
   * Returns the type with this name, or the class with this fully qualified name.
   *
   * @throws KilnException naming the unknown type, the closest known one and the known ones
   */
  public NodeType get(String name) {
    NodeType type = byName.get(name);
    if (type != null) {
      return type;
    }
    if (name.contains(".")) {
      return instantiate(name);
    }
    throw new KilnException("unknown node type '" + name + "'.",
        Names.closest(name, byName.keySet()).map(c -> "did you mean '" + c + "'? ").orElse("")
            + "known types are " + Names.quoted(byName.keySet())
            + (byName.isEmpty() ? " (none: put kiln-ml on the class path)" : ""));
  }

  private NodeType instantiate(String className) {
    try {
      Class<?> cls = Class.forName(className, true, loader);
      if (!NodeType.class.isAssignableFrom(cls)) {
        throw new KilnException("node type class '" + className + "' does not implement "
            + NodeType.class.getName() + ".", null);
      }
      return (NodeType) cls.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new KilnException("node type class '" + className + "' cannot be loaded: " + e,
          "check the class name, and that it is public with a public no-argument constructor",
          e);
    }
  }
}
