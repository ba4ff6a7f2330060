package dev.switchboard.contracts.event;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Topic {@code resolution}: a person's (or the SLA clock's) answer to an escalation. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = ResolutionEvent.Approved.class, name = "Approved"),
  @JsonSubTypes.Type(value = ResolutionEvent.Denied.class, name = "Denied"),
  @JsonSubTypes.Type(value = ResolutionEvent.Edited.class, name = "Edited"),
  @JsonSubTypes.Type(value = ResolutionEvent.Answered.class, name = "Answered"),
  @JsonSubTypes.Type(value = ResolutionEvent.TakenOver.class, name = "TakenOver"),
  @JsonSubTypes.Type(value = ResolutionEvent.Reassigned.class, name = "Reassigned"),
  @JsonSubTypes.Type(value = ResolutionEvent.Expired.class, name = "Expired")
})
public sealed interface ResolutionEvent extends SwitchboardEvent {

  String escalationId();

  /** Who resolved it: an authenticated person, or {@code system:sla} for expiry. */
  String actor();

  record Approved(
      String goalId,
      UUID eventId,
      UUID causationId,
      Instant occurredAt,
      String escalationId,
      String actor,
      String comment)
      implements ResolutionEvent {
    public Approved {
      Require.envelope(goalId, eventId, occurredAt);
      Require.text(escalationId, "escalationId");
      Require.text(actor, "actor");
    }
  }

  record Denied(
      String goalId,
      UUID eventId,
      UUID causationId,
      Instant occurredAt,
      String escalationId,
      String actor,
      String reason)
      implements ResolutionEvent {
    public Denied {
      Require.envelope(goalId, eventId, occurredAt);
      Require.text(escalationId, "escalationId");
      Require.text(actor, "actor");
      Require.text(reason, "reason");
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
      JsonNode arguments)
      implements ResolutionEvent {
    public Edited {
      Require.envelope(goalId, eventId, occurredAt);
      Require.text(escalationId, "escalationId");
      Require.text(actor, "actor");
      Require.json(arguments, "arguments");
    }
  }

  record Answered(
      String goalId,
      UUID eventId,
      UUID causationId,
      Instant occurredAt,
      String escalationId,
      String actor,
      String answer)
      implements ResolutionEvent {
    public Answered {
      Require.envelope(goalId, eventId, occurredAt);
      Require.text(escalationId, "escalationId");
      Require.text(actor, "actor");
      Require.text(answer, "answer");
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
      String result)
      implements ResolutionEvent {
    public TakenOver {
      Require.envelope(goalId, eventId, occurredAt);
      Require.text(escalationId, "escalationId");
      Require.text(actor, "actor");
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
      String newOwner)
      implements ResolutionEvent {
    public Reassigned {
      Require.envelope(goalId, eventId, occurredAt);
      Require.text(escalationId, "escalationId");
      Require.text(actor, "actor");
      Require.text(newOwner, "newOwner");
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
      String reason)
      implements ResolutionEvent {
    public Expired {
      Require.envelope(goalId, eventId, occurredAt);
      Require.text(escalationId, "escalationId");
      Require.text(actor, "actor");
    }
  }
}
