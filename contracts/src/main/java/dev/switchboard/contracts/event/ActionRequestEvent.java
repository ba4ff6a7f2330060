package dev.switchboard.contracts.event;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.UUID;

/** Topic {@code action-request}: written only by the guardrail, run by the executor. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = ActionRequestEvent.ActionRequested.class, name = "ActionRequested")
})
public sealed interface ActionRequestEvent extends SwitchboardEvent {

  /**
   * An action the guardrail allowed (or a person approved), signed so the executor can tell it came
   * from the guardrail unchanged.
   *
   * @param approvedBy the person who approved it, or null when policy allowed it outright
   * @param expiresAt after this the executor runs nothing for it and answers {@code ActionFailed}
   * @param keyId names the key it was signed with (never the key); set by {@code ActionSigner}
   * @param signature over the action, approver, expiry and key id; see {@code ActionSigner}
   */
  record ActionRequested(
      String goalId,
      UUID eventId,
      UUID causationId,
      Instant occurredAt,
      PlannedAction action,
      String approvedBy,
      Instant expiresAt,
      String keyId,
      String signature)
      implements ActionRequestEvent {
    public ActionRequested {
      Require.envelope(goalId, eventId, occurredAt);
      Require.present(action, "action");
      Require.present(expiresAt, "expiresAt");
    }

    public ActionRequested withSignature(String newSignature) {
      return new ActionRequested(
          goalId,
          eventId,
          causationId,
          occurredAt,
          action,
          approvedBy,
          expiresAt,
          keyId,
          newSignature);
    }

    public ActionRequested withKeyId(String newKeyId) {
      return new ActionRequested(
          goalId, eventId, causationId, occurredAt, action, approvedBy, expiresAt, newKeyId, null);
    }
  }
}
