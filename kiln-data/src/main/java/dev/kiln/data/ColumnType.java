package dev.kiln.data;

import java.util.Locale;

/** The types a {@link Frame} column can have. */
public enum ColumnType {
  /** 64-bit floating point. */
  DOUBLE,
  /** 64-bit integer. */
  LONG,
  /** Text. */
  STRING,
  /** True or false. */
  BOOLEAN,
  /** An instant, stored as microseconds since the epoch (UTC). */
  TIMESTAMP;

  /** Returns whether values convert to double without loss of meaning (all but STRING). */
  public boolean isNumeric() {
    return this != STRING;
  }

  /** Returns the name as users write it in configuration and JSON: {@code double}, ... */
  @com.fasterxml.jackson.annotation.JsonValue
  public String lowerName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a type name as written in configuration ({@code double}, {@code long}, {@code int},
   * {@code string}, {@code boolean}, {@code timestamp}).
   *
   * @throws DataFormatException naming the value and the known types
   */
  @com.fasterxml.jackson.annotation.JsonCreator
  public static ColumnType parse(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    return switch (n) {
      case "double", "float", "number" -> DOUBLE;
      case "long", "int", "integer" -> LONG;
      case "string", "str", "text", "category" -> STRING;
      case "boolean", "bool" -> BOOLEAN;
      case "timestamp", "datetime" -> TIMESTAMP;
      default -> throw new DataFormatException("Unknown column type '" + name + "'.",
          "use one of double, long, string, boolean, timestamp");
    };
  }
}
