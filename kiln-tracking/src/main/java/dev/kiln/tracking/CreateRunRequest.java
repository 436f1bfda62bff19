package dev.kiln.tracking;

import java.util.Map;

/**
 * What a new run records when it starts, as MLflow's {@code runs/create} takes it.
 *
 * @param experimentId the experiment to record under
 * @param name the display name, or null for a generated one
 * @param tags initial tags
 * @param startTime epoch ms when the run started, or null for now
 * @param userId the user who started it (MLflow's {@code RunInfo.user_id}), or null if unknown
 */
public record CreateRunRequest(String experimentId, String name, Map<String, String> tags,
    Long startTime, String userId) {
  /**
   * Copies the tags and checks the start time.
   *
   * @throws InvalidParameterException if the start time is negative or the user id is too long
   */
  public CreateRunRequest {
    tags = Map.copyOf(tags);
    if (startTime != null && startTime < 0) {
      throw new InvalidParameterException("start_time " + startTime + " is negative.",
          "Send the start as milliseconds since the epoch, or leave it out for now.");
    }
    if (userId != null && userId.length() > 256) {
      throw new InvalidParameterException("user_id is " + userId.length()
          + " characters long; at most 256 are stored.", "Send a shorter user name.");
    }
  }

  /** Returns a request for a run starting now, by an unknown user. */
  public static CreateRunRequest of(String experimentId, String name, Map<String, String> tags) {
    return new CreateRunRequest(experimentId, name, tags, null, null);
  }
}
