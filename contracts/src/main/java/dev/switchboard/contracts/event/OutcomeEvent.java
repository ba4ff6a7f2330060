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
   */
  record GoalCompleted(
      String goalId,
      UUID eventId,
      UUID causationId,
      Instant occurredAt,
      String summary,
      JsonNode results)
      implements OutcomeEvent {
    public GoalCompleted {
      Require.envelope(goalId, eventId, occurredAt);
      Require.text(summary, "summary");
      results = Require.optionalJson(results);
    }
  }

  record GoalFailed(
      String goalId,
      UUID eventId,
      UUID causationId,
      Instant occurredAt,
      String summary,
      String reason)
      implements OutcomeEvent {
    public GoalFailed {
      Require.envelope(goalId, eventId, occurredAt);
      Require.text(summary, "summary");
      Require.text(reason, "reason");
    }
  }

  record GoalCancelled(
      String goalId,
      UUID eventId,
      UUID causationId,
      Instant occurredAt,
      String summary,
      String reason)
      implements OutcomeEvent {
    public GoalCancelled {
      Require.envelope(goalId, eventId, occurredAt);
      Require.text(summary, "summary");
    }
  }
}
