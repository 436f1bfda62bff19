package dev.kiln.core.pipeline;

import dev.kiln.core.KilnException;

/** A pipeline that cannot be built or filtered: the message names the nodes and datasets. */
public class PipelineException extends KilnException {
  private static final long serialVersionUID = 1L;

  /** Creates an error with a message and a hint (may be null). */
  public PipelineException(String message, String hint) {
    super(message, hint);
  }
}
