package dev.kiln.tracking.internal.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads and upserts key/value rows of a tag-like table keyed by one or more owner columns. */
record Tags(String table, List<String> ownerColumns) {
  Tags {
    ownerColumns = List.copyOf(ownerColumns);
  }

  private String ownerWhere() {
    return String.join(" AND ", ownerColumns.stream().map(c -> c + " = ?").toList());
  }

  Map<String, String> read(Connection c, Object... owner) throws SQLException {
    Map<String, String> out = new LinkedHashMap<>();
    Sql.query(c, "SELECT key, value FROM " + table + " WHERE " + ownerWhere() + " ORDER BY key",
        rs -> out.put(rs.getString(1), rs.getString(2)), owner);
    return out;
  }

  /** Sets each tag, overwriting an existing value (delete then insert: portable upsert). */
  void set(Connection c, Map<String, String> tags, Object... owner) throws SQLException {
    String cols = String.join(", ", ownerColumns);
    String marks = "?, ".repeat(ownerColumns.size());
    for (Map.Entry<String, String> tag : tags.entrySet()) {
      delete(c, tag.getKey(), owner);
      Sql.update(c, "INSERT INTO " + table + " (" + cols + ", key, value) VALUES (" + marks
          + "?, ?)", append(append(owner, tag.getKey()), tag.getValue()));
    }
  }

  /** Deletes one tag; returns whether it existed. */
  boolean delete(Connection c, String key, Object... owner) throws SQLException {
    return Sql.update(c, "DELETE FROM " + table + " WHERE " + ownerWhere() + " AND key = ?",
        append(owner, key)) > 0;
  }

  static Object[] append(Object[] head, Object tail) {
    Object[] out = java.util.Arrays.copyOf(head, head.length + 1);
    out[head.length] = tail;
    return out;
  }
}
