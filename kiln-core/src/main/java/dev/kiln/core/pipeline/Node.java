package dev.kiln.core.pipeline;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One step of a pipeline: a plain Java function with named, typed inputs and outputs.
 *
 * <pre>{@code
 * Node clean = Node.of("clean", RAW, CLEAN, Cleaning::clean);
 * Node split = Node.builder("split")
 *     .inputs(CLEAN, DatasetRef.param("split.test_size", Double.class))
 *     .outputs(TRAIN, TEST)
 *     .tags("prep")
 *     .run(in -> ...);
 * }</pre>
 *
 * <p>Immutable. A node's inputs and outputs are <em>bound</em> to dataset names; namespacing a
 * pipeline rebinds them while the function keeps seeing the references it declared.
 */
public final class Node {
  private static final Pattern VALID_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.\\-]*");

  private final String name;
  private final List<Binding> inputs;
  private final List<Binding> outputs;
  private final Set<String> tags;
  private final String namespace;
  private final String codeVersion;
  private final NodeFunction function;
  private final Class<?> codeClass;
  private final String source;

  /**
   * A declared reference and the dataset name it is bound to in this pipeline.
   *
   * @param declared the reference the node's code uses
   * @param dataset the dataset name it reads or writes
   */
  public record Binding(DatasetRef<?> declared, String dataset) {
    /** Returns the declared reference renamed to the bound dataset. */
    public DatasetRef<?> bound() {
      return declared.renamed(dataset);
    }
  }

  private Node(Builder b, NodeFunction function, Class<?> codeClass) {
    this.name = b.name;
    this.inputs = List.copyOf(b.inputs);
    this.outputs = List.copyOf(b.outputs);
    this.tags = Set.copyOf(new TreeSet<>(b.tags));
    this.namespace = b.namespace;
    this.codeVersion = b.codeVersion;
    this.function = function;
    this.codeClass = codeClass;
    this.source = b.source;
    validate();
  }

  private Node(Node base, String name, String namespace, List<Binding> ins, List<Binding> outs) {
    this.name = name;
    this.inputs = List.copyOf(ins);
    this.outputs = List.copyOf(outs);
    this.tags = base.tags;
    this.namespace = namespace;
    this.codeVersion = base.codeVersion;
    this.function = base.function;
    this.codeClass = base.codeClass;
    this.source = base.source;
  }

  /** Creates a node computing one output from one input. */
  public static <A, R> Node of(
      String name, DatasetRef<A> input, DatasetRef<R> output, Function<A, R> fn) {
    Objects.requireNonNull(fn, "fn");
    return builder(name).inputs(input).outputs(output)
        .run(in -> Outputs.of(output, fn.apply(in.get(input))), fn.getClass());
  }

  /** Creates a node computing one output from two inputs. */
  public static <A, B, R> Node of(String name, DatasetRef<A> first, DatasetRef<B> second,
      DatasetRef<R> output, BiFunction<A, B, R> fn) {
    Objects.requireNonNull(fn, "fn");
    return builder(name).inputs(first, second).outputs(output)
        .run(in -> Outputs.of(output, fn.apply(in.get(first), in.get(second))), fn.getClass());
  }

  /** Starts building a node with the given name. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  private void validate() {
    if (name == null || !VALID_NAME.matcher(name).matches()) {
      throw new PipelineException("'" + name + "' is not a valid node name.",
          "use letters, digits, '_', '.' and '-' only");
    }
    Set<String> seen = new TreeSet<>();
    for (Binding out : outputs) {
      if (!seen.add(out.dataset())) {
        throw new PipelineException("Node '" + name + "' declares output '" + out.dataset()
            + "' twice.", "give each output its own dataset name");
      }
      if (out.declared().isParameter()) {
        throw new PipelineException("Node '" + name + "' writes parameter '" + out.dataset()
            + "'.", "parameters are read-only; write to a dataset instead");
      }
    }
    for (Binding in : inputs) {
      if (seen.contains(in.dataset())) {
        throw new PipelineException("Node '" + name + "' reads and writes '" + in.dataset()
            + "'.", "write the result to a new dataset name");
      }
    }
  }

  /** Returns the full name, including the namespace prefix if any. */
  public String name() {
    return name;
  }

  /** Returns the inputs, bound to their dataset names, in declaration order. */
  public List<DatasetRef<?>> inputs() {
    return inputs.stream().<DatasetRef<?>>map(Binding::bound).toList();
  }

  /** Returns the outputs, bound to their dataset names, in declaration order. */
  public List<DatasetRef<?>> outputs() {
    return outputs.stream().<DatasetRef<?>>map(Binding::bound).toList();
  }

  /** Returns the input bindings (declared reference and bound dataset). */
  public List<Binding> inputBindings() {
    return inputs;
  }

  /** Returns the output bindings (declared reference and bound dataset). */
  public List<Binding> outputBindings() {
    return outputs;
  }

  /** Returns the tags, sorted. */
  public Set<String> tags() {
    return tags;
  }

  /** Returns the namespace, if the node belongs to one (e.g. {@code us.pricing}). */
  public Optional<String> namespace() {
    return Optional.ofNullable(namespace);
  }

  /** Returns the explicit code version, if one was given with {@link Builder#version}. */
  public Optional<String> codeVersion() {
    return Optional.ofNullable(codeVersion);
  }

  /**
   * Returns the class holding the user's code for this node (the lambda or method reference
   * passed when building it); its bytes give the default code version.
   */
  public Class<?> codeClass() {
    return codeClass;
  }

  /** Returns where the node was declared (e.g. {@code conf/base/pipelines.yml:12}), if known. */
  public Optional<String> source() {
    return Optional.ofNullable(source);
  }

  /** Returns {@code node 'name'}, followed by where it was declared when known, for messages. */
  public String label() {
    return "node '" + name + "'" + (source == null ? "" : " (" + source + ")");
  }

  /** Returns the node's function. */
  public NodeFunction function() {
    return function;
  }

  /** Returns a copy under another name, namespace and bindings; used by namespacing. */
  Node rebound(String newName, String newNamespace, List<Binding> ins, List<Binding> outs) {
    return new Node(this, newName, newNamespace, ins, outs);
  }

  @Override
  public String toString() {
    return "Node '" + name + "' (" + inputs().stream().map(DatasetRef::name).toList() + " -> "
        + outputs().stream().map(DatasetRef::name).toList() + ")";
  }

  /** Builds a {@link Node}; finish with {@link #run(NodeFunction)}. */
  public static final class Builder {
    private final String name;
    private final List<Binding> inputs = new ArrayList<>();
    private final List<Binding> outputs = new ArrayList<>();
    private final Set<String> tags = new TreeSet<>();
    private String namespace;
    private String codeVersion;
    private String source;

    private Builder(String name) {
      this.name = name;
    }

    /** Adds inputs. */
    public Builder inputs(DatasetRef<?>... refs) {
      for (DatasetRef<?> ref : refs) {
        inputs.add(new Binding(ref, ref.name()));
      }
      return this;
    }

    /** Adds outputs. */
    public Builder outputs(DatasetRef<?>... refs) {
      for (DatasetRef<?> ref : refs) {
        outputs.add(new Binding(ref, ref.name()));
      }
      return this;
    }

    /** Adds tags, used by {@code --tags} filtering. */
    public Builder tags(String... values) {
      tags.addAll(List.of(values));
      return this;
    }

    /** Adds tags, used by {@code --tags} filtering. */
    public Builder tags(Collection<String> values) {
      tags.addAll(values);
      return this;
    }

    /** Sets the namespace the node belongs to. */
    public Builder namespace(String value) {
      this.namespace = value;
      return this;
    }

    /**
     * Sets an explicit code version. Caching reruns the node when it changes; without it the
     * version is derived from the bytes of the code that defines the node.
     */
    public Builder version(String value) {
      this.codeVersion = value;
      return this;
    }

    /** Records where the node was declared, e.g. {@code conf/base/pipelines.yml:12}. */
    public Builder source(String where) {
      this.source = where;
      return this;
    }

    /**
     * Finishes the node with its function.
     *
     * @throws PipelineException if the name is invalid or an output is declared twice
     */
    public Node run(NodeFunction function) {
      return run(Objects.requireNonNull(function, "function"), function.getClass());
    }

    private Node run(NodeFunction function, Class<?> codeClass) {
      return new Node(this, function, codeClass);
    }
  }
}
