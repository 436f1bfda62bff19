package dev.kiln.tracking.internal.search;

import java.util.List;

/**
 * SQL text with its bound arguments, in order.
 *
 * @param sql text with {@code ?} placeholders
 * @param args the arguments
 */
public record SqlFragment(String sql, List<Object> args) {
  /** Copies the arguments. */
  public SqlFragment {
    args = List.copyOf(args);
  }
}
