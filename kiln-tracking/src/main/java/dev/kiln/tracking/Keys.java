package dev.kiln.tracking;

/** Validation of the names users give to params, metrics, tags and aliases. */
final class Keys {
  /** The longest key accepted, as in MLflow. */
  static final int MAX_KEY_LENGTH = 250;

  private Keys() {}

  /** Throws {@link InvalidParameterException} unless {@code key} is a valid key. */
  static String check(String kind, String key) {
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
