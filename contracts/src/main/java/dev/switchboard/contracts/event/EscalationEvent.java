package dev.switchboard.contracts.event;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Duration;
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
  @JsonSubTypes.Type(value = EscalationEvent.QuestionAsked.class, name = "QuestionAsked"),
  @JsonSubTypes.Type(value = EscalationEvent.ResolutionRefused.class, name = "ResolutionRefused")
})
public sealed interface EscalationEvent extends SwitchboardEvent {

  /** Names the inbox item; resolutions refer to it. */
  String escalationId();

  /** Who should answer, e.g. {@code human:approvers}. */
  String queue();

  /**
   * A high-stakes action waits for a person's yes or no.
   *
   * @param approverRole the role a person needs to decide it, or null for the queue's members
   * @param fourEyes true when the goal's requester may not approve it themselves
   * @param sla how long the person has before the approval expires, or null for the inbox default
   * @param requestedBy the goal's requester as the goal declared it, so the inbox can hold the
   *     approval to four-eyes; null when unknown
   * @param onExpiry what the policy says happens when nobody answers in time; null: the inbox's
   *     configuration decides
   */
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
      String reason,
      String approverRole,
      boolean fourEyes,
      Duration sla,
      String requestedBy,
      ExpiryRoute onExpiry)
      implements EscalationEvent {
    public ApprovalRequested {
      Require.envelope(goalId, eventId, occurredAt);
      Require.text(escalationId, "escalationId");
      Require.text(queue, "queue");
      Require.present(action, "action");
      approverRole = Require.optionalText(approverRole);
      requestedBy = Require.optionalText(requestedBy);
      if (sla != null && (sla.isNegative() || sla.isZero())) {
        throw new IllegalArgumentException("sla must be positive, not " + sla);
      }
    }

    /** Without what happens on expiry, as written before the policy said it. */
    public ApprovalRequested(
        String goalId,
        UUID eventId,
        UUID causationId,
        Instant occurredAt,
        String escalationId,
        String queue,
        String agent,
        PlannedAction action,
        String policy,
        String reason,
        String approverRole,
        boolean fourEyes,
        Duration sla,
        String requestedBy) {
      this(
          goalId,
          eventId,
          causationId,
          occurredAt,
          escalationId,
          queue,
          agent,
          action,
          policy,
          reason,
          approverRole,
          fourEyes,
          sla,
          requestedBy,
          null);
    }

    /** Without the requester, as written before it was carried. */
    public ApprovalRequested(
        String goalId,
        UUID eventId,
        UUID causationId,
        Instant occurredAt,
        String escalationId,
        String queue,
        String agent,
        PlannedAction action,
        String policy,
        String reason,
        String approverRole,
        boolean fourEyes,
        Duration sla) {
      this(
          goalId,
          eventId,
          causationId,
          occurredAt,
          escalationId,
          queue,
          agent,
          action,
          policy,
          reason,
          approverRole,
          fourEyes,
          sla,
          null,
          null);
    }

    /** Without approver role, four-eyes, SLA or requester, as written before they existed. */
    public ApprovalRequested(
        String goalId,
        UUID eventId,
        UUID causationId,
        Instant occurredAt,
        String escalationId,
        String queue,
        String agent,
        PlannedAction action,
        String policy,
        String reason) {
      this(
          goalId,
          eventId,
          causationId,
          occurredAt,
          escalationId,
          queue,
          agent,
          action,
          policy,
          reason,
          null,
          false,
          null,
          null,
          null);
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

  /**
   * The guardrail would not take a person's answer (the approver lacks the authority it requires,
   * or approved their own goal under four-eyes): the escalation is open again, and the inbox shows
   * why. Its causationId is the refused resolution's eventId.
   *
   * @param actor who gave the refused answer
   * @param resolution the refused answer's event type, e.g. {@code Approved}
   */
  record ResolutionRefused(
      String goalId,
      UUID eventId,
      UUID causationId,
      Instant occurredAt,
      String escalationId,
      String queue,
      String actor,
      String resolution,
      String reason)
      implements EscalationEvent {
    public ResolutionRefused {
      Require.envelope(goalId, eventId, occurredAt);
      Require.present(causationId, "causationId");
      Require.text(escalationId, "escalationId");
      Require.text(queue, "queue");
      Require.text(actor, "actor");
      Require.text(resolution, "resolution");
      Require.text(reason, "reason");
    }
  }
}
