package dev.switchboard.guardrail;

import dev.switchboard.contracts.event.GoalEvent.GoalSubmitted;
import java.time.Instant;
import java.util.Map;

/**
 * A goal's metadata as its GoalSubmitted declared it (self-declared unless broker ACLs restrict who
 * writes {@code goals}).
 *
 * @param submittedAt when the goal was submitted, for the time it has used
 */
public record GoalContext(
    String tenant, String requestedBy, Map<String, String> labels, Instant submittedAt) {

  public GoalContext {
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }

  static GoalContext of(GoalSubmitted submitted) {
    return new GoalContext(
        submitted.tenant(), submitted.requestedBy(), submitted.labels(), submitted.occurredAt());
  }
}
