package dev.switchboard.contracts.event;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.UUID;

/** Topic {@code verdict}: the guardrail's decision on each proposed action. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = VerdictEvent.ActionAllowed.class, name = "ActionAllowed"),
  @JsonSubTypes.Type(value = VerdictEvent.ActionDenied.class, name = "ActionDenied"),
  @JsonSubTypes.Type(value = VerdictEvent.ActionEscalated.class, name = "ActionEscalated")
})
public sealed interface VerdictEvent extends SwitchboardEvent {

  String actionId();

  /** The policy line that decided; part of the audit trail. */
  String policy();

  record ActionAllowed(
      String goalId,
      UUID eventId,
      UUID causationId,
      Instant occurredAt,
      String actionId,
      String policy)
      implements VerdictEvent {
    public ActionAllowed {
      Require.envelope(goalId, eventId, occurredAt);
      Require.text(actionId, "actionId");
    }
  }

  record ActionDenied(
      String goalId,
      UUID eventId,
      UUID causationId,
      Instant occurredAt,
      String actionId,
      String policy,
      String reason)
      implements VerdictEvent {
    public ActionDenied {
      Require.envelope(goalId, eventId, occurredAt);
      Require.text(actionId, "actionId");
      Require.text(reason, "reason");
    }
  }

  /** The action waits for a person; {@code escalationId} names the inbox item. */
  record ActionEscalated(
      String goalId,
      UUID eventId,
      UUID causationId,
      Instant occurredAt,
      String actionId,
      String policy,
      String escalationId,
      String reason)
      implements VerdictEvent {
    public ActionEscalated {
      Require.envelope(goalId, eventId, occurredAt);
      Require.text(actionId, "actionId");
      Require.text(escalationId, "escalationId");
    }
  }
}
