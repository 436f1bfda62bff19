package dev.kiln.quality.validation;

/** What a failing rule does. */
public enum Policy {
  /** The data set is refused: the gate fails and nothing downstream runs. */
  FAIL,
  /** The failing rows go to quarantine with their reasons; the rest continues. */
  QUARANTINE,
  /** The failure is reported; every row continues. */
  WARN
}
