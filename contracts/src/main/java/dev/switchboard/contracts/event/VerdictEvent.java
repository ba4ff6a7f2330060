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

  /** What the decision was based on, for the audit trail; null on events from older guardrails. */
  Audit audit();

  /**
   * The audit record of one decision.
   *
   * @param policyId the policy document whose rule decided ({@code switchboard-builtin} for the
   *     guardrail's own checks)
   * @param policyVersion that document's declared version and content digest, e.g. {@code
   *     3+1f2e3d4c5b6a}
   * @param rule the rule that decided (the same as the verdict's {@code policy})
   * @param reason why, in words
   * @param inputsHash SHA-256 (hex) of everything the policy saw: agent, tool facts, arguments,
   *     goal metadata, budget, taint, time
   * @param approvedBy the person whose approval or edit let the action run, else null
   * @param traceId the W3C trace id of the goal's trace, or null when its record carried none
   * @param tool the tool of the action, or null for a handoff
   * @param agent the agent that proposed it
   * @param tenant the goal's tenant, or null when the goal named none
   */
  record Audit(
      String policyId,
      String policyVersion,
      String rule,
      String reason,
      String inputsHash,
      String approvedBy,
      String traceId,
      String tool,
      String agent,
      String tenant) {
    /** The same record in the goal's trace. */
    public Audit withTraceId(String traceId) {
      return new Audit(
          policyId,
          policyVersion,
          rule,
          reason,
          inputsHash,
          approvedBy,
          traceId,
          tool,
          agent,
          tenant);
    }
  }

  record ActionAllowed(
      String goalId,
      UUID eventId,
      UUID causationId,
      Instant occurredAt,
      String actionId,
      String policy,
      Audit audit)
      implements VerdictEvent {
    public ActionAllowed {
      Require.envelope(goalId, eventId, occurredAt);
      Require.text(actionId, "actionId");
    }

    /** Without an audit record, as written before it existed. */
    public ActionAllowed(
        String goalId,
        UUID eventId,
        UUID causationId,
        Instant occurredAt,
        String actionId,
        String policy) {
      this(goalId, eventId, causationId, occurredAt, actionId, policy, null);
    }
  }

  record ActionDenied(
      String goalId,
      UUID eventId,
      UUID causationId,
      Instant occurredAt,
      String actionId,
      String policy,
      String reason,
      Audit audit)
      implements VerdictEvent {
    public ActionDenied {
      Require.envelope(goalId, eventId, occurredAt);
      Require.text(actionId, "actionId");
      Require.text(reason, "reason");
    }

    /** Without an audit record, as written before it existed. */
    public ActionDenied(
        String goalId,
        UUID eventId,
        UUID causationId,
        Instant occurredAt,
        String actionId,
        String policy,
        String reason) {
      this(goalId, eventId, causationId, occurredAt, actionId, policy, reason, null);
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
      String reason,
      Audit audit)
      implements VerdictEvent {
    public ActionEscalated {
      Require.envelope(goalId, eventId, occurredAt);
      Require.text(actionId, "actionId");
      Require.text(escalationId, "escalationId");
    }

    /** Without an audit record, as written before it existed. */
    public ActionEscalated(
        String goalId,
        UUID eventId,
        UUID causationId,
        Instant occurredAt,
        String actionId,
        String policy,
        String escalationId,
        String reason) {
      this(goalId, eventId, causationId, occurredAt, actionId, policy, escalationId, reason, null);
    }
  }
}
