package dev.kiln.core.nodes;

import java.util.Objects;

/**
 * A named input or output of a built-in node type, with the Java type of its value.
 *
 * @param name the name used in YAML ({@code inputs: {data: transactions}})
 * @param type the value's type; checked against the other nodes and the catalog
 * @param required whether a declaration must bind it
 * @param many whether it takes any number of inputs under names the user chooses (e.g. the tables
 *     of a SQL query); at most one port of a type may
 * @param summary one line for the docs and error messages
 */
public record Port(String name, Class<?> type, boolean required, boolean many, String summary) {
  /** Validates the fields. */
  public Port {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }

  /** Returns a port a declaration must bind. */
  public static Port required(String name, Class<?> type, String summary) {
    return new Port(name, type, true, false, summary);
  }

  /** Returns a port a declaration may leave out. */
  public static Port optional(String name, Class<?> type, String summary) {
    return new Port(name, type, false, false, summary);
  }

  /** Returns a port taking any number of inputs under names of the user's choosing. */
  public static Port many(String name, Class<?> type, String summary) {
    return new Port(name, type, false, true, summary);
  }
}
