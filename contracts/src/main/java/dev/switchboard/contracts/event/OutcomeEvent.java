package dev.switchboard.contracts.event;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Topic {@code outcome}: how each goal ended; the producer of the goal reads it. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = OutcomeEvent.GoalCompleted.class, name = "GoalCompleted"),
  @JsonSubTypes.Type(value = OutcomeEvent.GoalFailed.class, name = "GoalFailed"),
  @JsonSubTypes.Type(value = OutcomeEvent.GoalCancelled.class, name = "GoalCancelled")
})
public sealed interface OutcomeEvent extends SwitchboardEvent {

  /** One line a person can read. */
  String summary();

  /**
   * @param results what the actions produced, by actionId
   * @param usage model calls not reported on an earlier event of the goal; null when none
   */
  record GoalCompleted(
      String goalId,
      UUID eventId,
      UUID causationId,
      Instant occurredAt,
      String summary,
      JsonNode results,
      ModelUsage usage)
      implements OutcomeEvent, ModelUsage.Carrier {
    public GoalCompleted {
      Require.envelope(goalId, eventId, occurredAt);
      Require.text(summary, "summary");
      results = Require.optionalJson(results);
    }

    /** Without model usage, as before usage was reported. */
    public GoalCompleted(
        String goalId,
        UUID eventId,
        UUID causationId,
        Instant occurredAt,
        String summary,
        JsonNode results) {
      this(goalId, eventId, causationId, occurredAt, summary, results, null);
    }

    @Override
    public GoalCompleted withUsage(ModelUsage usage) {
      return new GoalCompleted(goalId, eventId, causationId, occurredAt, summary, results, usage);
    }
  }

  /**
   * @param usage model calls not reported on an earlier event of the goal; null when none
   */
  record GoalFailed(
      String goalId,
      UUID eventId,
      UUID causationId,
      Instant occurredAt,
      String summary,
      String reason,
      ModelUsage usage)
      implements OutcomeEvent, ModelUsage.Carrier {
    public GoalFailed {
      Require.envelope(goalId, eventId, occurredAt);
      Require.text(summary, "summary");
      Require.text(reason, "reason");
    }

    /** Without model usage, as before usage was reported. */
    public GoalFailed(
        String goalId,
        UUID eventId,
        UUID causationId,
        Instant occurredAt,
        String summary,
        String reason) {
      this(goalId, eventId, causationId, occurredAt, summary, reason, null);
    }

    @Override
    public GoalFailed withUsage(ModelUsage usage) {
      return new GoalFailed(goalId, eventId, causationId, occurredAt, summary, reason, usage);
    }
  }

  /**
   * @param usage model calls not reported on an earlier event of the goal; null when none
   */
  record GoalCancelled(
      String goalId,
      UUID eventId,
      UUID causationId,
      Instant occurredAt,
      String summary,
      String reason,
      ModelUsage usage)
      implements OutcomeEvent, ModelUsage.Carrier {
    public GoalCancelled {
      Require.envelope(goalId, eventId, occurredAt);
      Require.text(summary, "summary");
    }

    /** Without model usage, as before usage was reported. */
    public GoalCancelled(
        String goalId,
        UUID eventId,
        UUID causationId,
        Instant occurredAt,
        String summary,
        String reason) {
      this(goalId, eventId, causationId, occurredAt, summary, reason, null);
    }

    @Override
    public GoalCancelled withUsage(ModelUsage usage) {
      return new GoalCancelled(goalId, eventId, causationId, occurredAt, summary, reason, usage);
    }
  }
}
