package dev.switchboard.contracts.event;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Topic {@code resolution}: a person's (or the SLA clock's) answer to an escalation, and the SLA
 * clock's reminder before its deadline ({@link DeadlineNear}, which answers nothing).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = ResolutionEvent.Approved.class, name = "Approved"),
  @JsonSubTypes.Type(value = ResolutionEvent.Denied.class, name = "Denied"),
  @JsonSubTypes.Type(value = ResolutionEvent.Edited.class, name = "Edited"),
  @JsonSubTypes.Type(value = ResolutionEvent.Answered.class, name = "Answered"),
  @JsonSubTypes.Type(value = ResolutionEvent.TakenOver.class, name = "TakenOver"),
  @JsonSubTypes.Type(value = ResolutionEvent.Reassigned.class, name = "Reassigned"),
  @JsonSubTypes.Type(value = ResolutionEvent.Expired.class, name = "Expired"),
  @JsonSubTypes.Type(value = ResolutionEvent.DeadlineNear.class, name = "DeadlineNear")
})
public sealed interface ResolutionEvent extends SwitchboardEvent {

  String escalationId();

  /** Who resolved it: an authenticated person, or {@code system:sla} for expiry. */
  String actor();

  /** How and from where the actor answered; null for the SLA clock and older events. */
  ResolutionAudit audit();

  record Approved(
      String goalId,
      UUID eventId,
      UUID causationId,
      Instant occurredAt,
      String escalationId,
      String actor,
      String comment,
      ResolutionAudit audit)
      implements ResolutionEvent {
    public Approved {
      Require.envelope(goalId, eventId, occurredAt);
      Require.text(escalationId, "escalationId");
      Require.text(actor, "actor");
    }

    /** Without audit details, as written before they existed. */
    public Approved(
        String goalId,
        UUID eventId,
        UUID causationId,
        Instant occurredAt,
        String escalationId,
        String actor,
        String comment) {
      this(goalId, eventId, causationId, occurredAt, escalationId, actor, comment, null);
    }
  }

  record Denied(
      String goalId,
      UUID eventId,
      UUID causationId,
      Instant occurredAt,
      String escalationId,
      String actor,
      String reason,
      ResolutionAudit audit)
      implements ResolutionEvent {
    public Denied {
      Require.envelope(goalId, eventId, occurredAt);
      Require.text(escalationId, "escalationId");
      Require.text(actor, "actor");
      Require.text(reason, "reason");
    }

    /** Without audit details, as written before they existed. */
    public Denied(
        String goalId,
        UUID eventId,
        UUID causationId,
        Instant occurredAt,
        String escalationId,
        String actor,
        String reason) {
      this(goalId, eventId, causationId, occurredAt, escalationId, actor, reason, null);
    }
  }

  /** Approved with changed arguments; the guardrail re-validates the edit. */
  record Edited(
      String goalId,
      UUID eventId,
      UUID causationId,
      Instant occurredAt,
      String escalationId,
      String actor,
      JsonNode arguments,
      ResolutionAudit audit)
      implements ResolutionEvent {
    public Edited {
      Require.envelope(goalId, eventId, occurredAt);
      Require.text(escalationId, "escalationId");
      Require.text(actor, "actor");
      Require.json(arguments, "arguments");
    }

    /** Without audit details, as written before they existed. */
    public Edited(
        String goalId,
        UUID eventId,
        UUID causationId,
        Instant occurredAt,
        String escalationId,
        String actor,
        JsonNode arguments) {
      this(goalId, eventId, causationId, occurredAt, escalationId, actor, arguments, null);
    }
  }

  record Answered(
      String goalId,
      UUID eventId,
      UUID causationId,
      Instant occurredAt,
      String escalationId,
      String actor,
      String answer,
      ResolutionAudit audit)
      implements ResolutionEvent {
    public Answered {
      Require.envelope(goalId, eventId, occurredAt);
      Require.text(escalationId, "escalationId");
      Require.text(actor, "actor");
      Require.text(answer, "answer");
    }

    /** Without audit details, as written before they existed. */
    public Answered(
        String goalId,
        UUID eventId,
        UUID causationId,
        Instant occurredAt,
        String escalationId,
        String actor,
        String answer) {
      this(goalId, eventId, causationId, occurredAt, escalationId, actor, answer, null);
    }
  }

  /** A person takes the goal over and reports the result. */
  record TakenOver(
      String goalId,
      UUID eventId,
      UUID causationId,
      Instant occurredAt,
      String escalationId,
      String actor,
      String result,
      ResolutionAudit audit)
      implements ResolutionEvent {
    public TakenOver {
      Require.envelope(goalId, eventId, occurredAt);
      Require.text(escalationId, "escalationId");
      Require.text(actor, "actor");
    }

    /** Without audit details, as written before they existed. */
    public TakenOver(
        String goalId,
        UUID eventId,
        UUID causationId,
        Instant occurredAt,
        String escalationId,
        String actor,
        String result) {
      this(goalId, eventId, causationId, occurredAt, escalationId, actor, result, null);
    }
  }

  /** The goal now belongs to {@code newOwner} ({@code agent:<name>} or {@code human:<queue>}). */
  record Reassigned(
      String goalId,
      UUID eventId,
      UUID causationId,
      Instant occurredAt,
      String escalationId,
      String actor,
      String newOwner,
      ResolutionAudit audit)
      implements ResolutionEvent {
    public Reassigned {
      Require.envelope(goalId, eventId, occurredAt);
      Require.text(escalationId, "escalationId");
      Require.text(actor, "actor");
      Require.text(newOwner, "newOwner");
    }

    /** Without audit details, as written before they existed. */
    public Reassigned(
        String goalId,
        UUID eventId,
        UUID causationId,
        Instant occurredAt,
        String escalationId,
        String actor,
        String newOwner) {
      this(goalId, eventId, causationId, occurredAt, escalationId, actor, newOwner, null);
    }
  }

  /** Nobody answered within the SLA. */
  record Expired(
      String goalId,
      UUID eventId,
      UUID causationId,
      Instant occurredAt,
      String escalationId,
      String actor,
      String reason,
      ResolutionAudit audit)
      implements ResolutionEvent {
    public Expired {
      Require.envelope(goalId, eventId, occurredAt);
      Require.text(escalationId, "escalationId");
      Require.text(actor, "actor");
    }

    /** Without audit details, as written before they existed. */
    public Expired(
        String goalId,
        UUID eventId,
        UUID causationId,
        Instant occurredAt,
        String escalationId,
        String actor,
        String reason) {
      this(goalId, eventId, causationId, occurredAt, escalationId, actor, reason, null);
    }
  }

  /**
   * A reminder: the escalation is still unanswered and its deadline is near. It answers nothing;
   * the escalation stays open. Outside systems (a chat bot) may use it to nudge the queue.
   *
   * @param actor {@code system:sla}
   * @param queue the queue that should answer
   * @param deadline when the escalation expires (or moves on) unless someone answers
   */
  record DeadlineNear(
      String goalId,
      UUID eventId,
      UUID causationId,
      Instant occurredAt,
      String escalationId,
      String actor,
      String queue,
      Instant deadline,
      ResolutionAudit audit)
      implements ResolutionEvent {
    public DeadlineNear {
      Require.envelope(goalId, eventId, occurredAt);
      Require.text(escalationId, "escalationId");
      Require.text(actor, "actor");
      Require.text(queue, "queue");
      Require.present(deadline, "deadline");
    }
  }
}
