package dev.kiln.tracking.registry;

import dev.kiln.tracking.InvalidParameterException;

/** The stage of a model version in MLflow's (deprecated but widely used) stage workflow. */
public enum ModelStage {
  /** Not in any stage; every new version starts here. */
  NONE("None"),
  /** Being validated. */
  STAGING("Staging"),
  /** Serving production traffic. */
  PRODUCTION("Production"),
  /** Retired. */
  ARCHIVED("Archived");

  private final String label;

  ModelStage(String label) {
    this.label = label;
  }

  /** Returns MLflow's canonical name, e.g. {@code Staging}. */
  public String label() {
    return label;
  }

  /** Returns whether versions in this stage can be archived by a transition (Staging, Production). */
  public boolean isActive() {
    return this == STAGING || this == PRODUCTION;
  }

  /**
   * Parses a stage name, ignoring case.
   *
   * @throws InvalidParameterException if the name is not one of None, Staging, Production, Archived
   */
  public static ModelStage parse(String name) {
    for (ModelStage s : values()) {
      if (s.label.equalsIgnoreCase(name)) {
        return s;
      }
    }
    throw new InvalidParameterException("Stage '" + name + "' is not one of None, Staging, "
        + "Production, Archived.", "Stage names are case-insensitive, e.g. 'production'.");
  }
}
