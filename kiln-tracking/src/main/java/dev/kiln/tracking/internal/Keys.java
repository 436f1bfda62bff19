package dev.kiln.tracking.internal;

import dev.kiln.tracking.InvalidParameterException;

/** Validation of the names users give to params, metrics, tags and aliases. */
public final class Keys {
  /** The longest key accepted, as in MLflow. */
  public static final int MAX_KEY_LENGTH = 250;

  private Keys() {}

  /**
   * Returns {@code key} if it is a valid key of the given kind (non-blank, at most 250 chars).
   *
   * @throws InvalidParameterException naming the kind and the rule otherwise
   */
  public static String check(String kind, String key) {
    if (key == null || key.isBlank()) {
      throw new InvalidParameterException(
          "A " + kind + " key must not be empty.", "Give the " + kind + " a name.");
    }
    if (key.length() > MAX_KEY_LENGTH) {
      throw new InvalidParameterException(
          kind + " key '" + key.substring(0, 40) + "...' is longer than " + MAX_KEY_LENGTH
              + " characters.", "Shorten the key.");
    }
    return key;
  }
}
