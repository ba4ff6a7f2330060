package dev.switchboard.contracts.event;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Topic {@code goals}: written by outside producers (any language), read by the planner. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = GoalEvent.GoalSubmitted.class, name = "GoalSubmitted"),
  @JsonSubTypes.Type(value = GoalEvent.GoalCancelled.class, name = "GoalCancelled")
})
public sealed interface GoalEvent extends SwitchboardEvent {

  /**
   * A new goal. Producers may omit eventId and occurredAt: the eventId is then derived from the
   * goalId, so a goal sent twice is still one goal.
   *
   * @param agent the agent to pursue it; null picks the default agent
   * @param description what the person wants, in their words
   * @param inputs named inputs the agent's playbook can use
   * @param requestedBy who asked for it; self-declared unless broker ACLs restrict who writes
   *     {@code goals}
   * @param tenant whose goal it is (rate limits and policies per tenant); self-declared likewise
   * @param labels free key/value metadata policies can match on, e.g. {@code region: eu}
   */
  record GoalSubmitted(
      String goalId,
      UUID eventId,
      UUID causationId,
      Instant occurredAt,
      String agent,
      String description,
      Map<String, String> inputs,
      String requestedBy,
      String tenant,
      Map<String, String> labels)
      implements GoalEvent {
    public GoalSubmitted {
      Require.goalId(goalId);
      Require.text(description, "description");
      eventId = eventId != null ? eventId : derivedId("submitted:", goalId);
      occurredAt = occurredAt != null ? occurredAt : Instant.now();
      inputs = Require.map(inputs);
      labels = Require.map(labels);
    }

    /** Without requester, tenant or labels, as written before they existed. */
    public GoalSubmitted(
        String goalId,
        UUID eventId,
        UUID causationId,
        Instant occurredAt,
        String agent,
        String description,
        Map<String, String> inputs) {
      this(goalId, eventId, causationId, occurredAt, agent, description, inputs, null, null, null);
    }

    /** The same goal, asked for by {@code requester}. */
    public GoalSubmitted requestedBy(String requester) {
      return new GoalSubmitted(
          goalId,
          eventId,
          causationId,
          occurredAt,
          agent,
          description,
          inputs,
          requester,
          tenant,
          labels);
    }
  }

  /** Stop the goal; nothing further is proposed for it. */
  record GoalCancelled(
      String goalId,
      UUID eventId,
      UUID causationId,
      Instant occurredAt,
      String reason,
      String requestedBy)
      implements GoalEvent {
    public GoalCancelled {
      Require.goalId(goalId);
      eventId = eventId != null ? eventId : derivedId("cancelled:", goalId);
      occurredAt = occurredAt != null ? occurredAt : Instant.now();
    }
  }

  private static UUID derivedId(String kind, String goalId) {
    return UUID.nameUUIDFromBytes((kind + goalId).getBytes(StandardCharsets.UTF_8));
  }
}
