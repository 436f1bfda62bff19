package dev.kiln.core.catalog;

/** A dataset value that is a table: lineage records its row count and schema. */
public interface Tabular {
  /** Returns the number of rows. */
  int rowCount();

  /** Returns the schema as {@code name:type} pairs joined by commas. */
  String schemaText();
}
