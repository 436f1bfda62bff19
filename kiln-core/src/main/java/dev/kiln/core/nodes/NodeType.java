package dev.kiln.core.nodes;

import java.util.List;
import java.util.Map;

/**
 * A kind of node a project can declare in {@code conf/base/pipelines.yml} with
 * {@code type: <name>}: named, typed inputs and outputs, and parameters converted from YAML to a
 * record (snake_case keys; unknown keys are errors with a "did you mean").
 *
 * <p>Implementations are found with {@link java.util.ServiceLoader} (list them in {@code
 * META-INF/services/dev.kiln.core.nodes.NodeType}); a declaration may also name a class by its
 * fully qualified name. They must be stateless: one instance serves every declaration.
 */
public interface NodeType {
  /** Returns the name used in YAML, e.g. {@code split}. */
  String name();

  /** Returns one line saying what the node does. */
  String summary();

  /** Returns the input ports, in positional order (a YAML list binds them in this order). */
  List<Port> inputs();

  /** Returns the output ports, in positional order. */
  List<Port> outputs();

  /**
   * Returns the parameter record class; its compact constructor validates, throwing a
   * {@link dev.kiln.core.KilnException} that names the field.
   */
  Class<? extends Record> parameters();

  /**
   * Checks a declaration before anything runs, beyond what the parameter record checks itself:
   * e.g. that an expression parses. The default accepts everything.
   *
   * @param parameters the converted parameters
   * @param inputs the bound input ports (port or user name) to dataset names
   * @throws dev.kiln.core.KilnException describing the problem; the loader adds file and line
   */
  default void check(Object parameters, Map<String, String> inputs) {}

  /**
   * Runs the node.
   *
   * @return the value of every bound output port, by port name
   * @throws Exception any failure; the runner reports it with the node's name
   */
  Map<String, Object> run(NodeCall call) throws Exception;
}
