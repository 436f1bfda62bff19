package dev.kiln.tracking;

/** Which lifecycle stages a search of experiments or runs returns, as MLflow's {@code ViewType}. */
public enum ViewType {
  /** Only active (not deleted) entities; the default. */
  ACTIVE_ONLY,
  /** Only soft-deleted entities. */
  DELETED_ONLY,
  /** Active and deleted entities. */
  ALL;

  /**
   * Parses MLflow's name of a view type; null or empty means {@link #ACTIVE_ONLY}.
   *
   * @throws InvalidParameterException if the name is not a view type
   */
  public static ViewType parse(String name) {
    if (name == null || name.isEmpty()) {
      return ACTIVE_ONLY;
    }
    for (ViewType v : values()) {
      if (v.name().equalsIgnoreCase(name)) {
        return v;
      }
    }
    throw new InvalidParameterException("View type '" + name + "' is not valid.",
        "Use ACTIVE_ONLY, DELETED_ONLY or ALL.");
  }
}
