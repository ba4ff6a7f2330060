package dev.switchboard.contracts.event;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.UUID;

/**
 * Topic {@code escalation}: written only by the guardrail; the handoff inbox and outside systems (a
 * chat bot, a ticket queue) read it and answer on {@code resolution}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = EscalationEvent.ApprovalRequested.class, name = "ApprovalRequested"),
  @JsonSubTypes.Type(value = EscalationEvent.HandoffRequested.class, name = "HandoffRequested"),
  @JsonSubTypes.Type(value = EscalationEvent.QuestionAsked.class, name = "QuestionAsked")
})
public sealed interface EscalationEvent extends SwitchboardEvent {

  /** Names the inbox item; resolutions refer to it. */
  String escalationId();

  /** Who should answer, e.g. {@code human:approvers}. */
  String queue();

  /** A high-stakes action waits for a person's yes or no. */
  record ApprovalRequested(
      String goalId,
      UUID eventId,
      UUID causationId,
      Instant occurredAt,
      String escalationId,
      String queue,
      String agent,
      PlannedAction action,
      String policy,
      String reason)
      implements EscalationEvent {
    public ApprovalRequested {
      Require.envelope(goalId, eventId, occurredAt);
      Require.text(escalationId, "escalationId");
      Require.text(queue, "queue");
      Require.present(action, "action");
    }
  }

  /**
   * The goal moves to another owner ({@code agent:<name>} or {@code human:<queue>}).
   *
   * @param context what the next holder needs to go on, as the planner proposed it; may be null
   */
  record HandoffRequested(
      String goalId,
      UUID eventId,
      UUID causationId,
      Instant occurredAt,
      String escalationId,
      String queue,
      String fromAgent,
      String target,
      String reason,
      String summary,
      HandoffContext context)
      implements EscalationEvent {
    public HandoffRequested {
      Require.envelope(goalId, eventId, occurredAt);
      Require.text(escalationId, "escalationId");
      Require.text(queue, "queue");
      Require.text(target, "target");
    }

    /** Without a context, as before the context existed. */
    public HandoffRequested(
        String goalId,
        UUID eventId,
        UUID causationId,
        Instant occurredAt,
        String escalationId,
        String queue,
        String fromAgent,
        String target,
        String reason,
        String summary) {
      this(
          goalId,
          eventId,
          causationId,
          occurredAt,
          escalationId,
          queue,
          fromAgent,
          target,
          reason,
          summary,
          null);
    }
  }

  /** An agent asks a person something it cannot find out itself. */
  record QuestionAsked(
      String goalId,
      UUID eventId,
      UUID causationId,
      Instant occurredAt,
      String escalationId,
      String queue,
      String agent,
      String question)
      implements EscalationEvent {
    public QuestionAsked {
      Require.envelope(goalId, eventId, occurredAt);
      Require.text(escalationId, "escalationId");
      Require.text(queue, "queue");
      Require.text(question, "question");
    }
  }
}
