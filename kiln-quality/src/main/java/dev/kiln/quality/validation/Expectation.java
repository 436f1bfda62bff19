package dev.kiln.quality.validation;

import dev.kiln.data.Frame;
import java.util.BitSet;

/** A custom rule written in Java: which rows fail it. */
public interface Expectation {
  /** Returns the rule's name, shown in reports and quarantine reasons. */
  String name();

  /** Returns what a failure does. */
  default Policy policy() {
    return Policy.FAIL;
  }

  /** Returns the failing rows. */
  BitSet failing(Frame frame);
}
