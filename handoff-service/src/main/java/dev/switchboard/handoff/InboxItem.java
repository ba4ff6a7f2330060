package dev.switchboard.handoff;

import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.event.EscalationEvent;
import dev.switchboard.contracts.event.EscalationEvent.ApprovalRequested;
import dev.switchboard.contracts.event.EscalationEvent.HandoffRequested;
import dev.switchboard.contracts.event.EscalationEvent.QuestionAsked;
import dev.switchboard.contracts.event.PlannedAction;
import dev.switchboard.contracts.event.ResolutionEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * One escalation in the inbox: what is asked, of whom, why, and how it was resolved.
 *
 * @param action the action waiting for approval; null for handoffs and questions
 * @param reason why a person is needed; for a question, the question itself
 * @param escalationEventId the escalation event's id, the causation of the resolution
 * @param resolution the resolution's event type (Approved, Denied, ...), null while pending
 */
public record InboxItem(
    String escalationId,
    String goalId,
    EscalationKind kind,
    String queue,
    String agent,
    PlannedAction action,
    String reason,
    String policy,
    Instant createdAt,
    ItemStatus status,
    String resolvedBy,
    String resolution,
    UUID escalationEventId) {

  static InboxItem pendingFrom(EscalationEvent escalation) {
    return switch (escalation) {
      case ApprovalRequested approval ->
          pending(
              approval,
              EscalationKind.ApprovalRequested,
              approval.agent(),
              approval.action(),
              approval.reason(),
              approval.policy());
      case HandoffRequested handoff ->
          pending(
              handoff,
              EscalationKind.HandoffRequested,
              handoff.fromAgent(),
              null,
              handoff.reason(),
              null);
      case QuestionAsked question ->
          pending(
              question,
              EscalationKind.QuestionAsked,
              question.agent(),
              null,
              question.question(),
              null);
    };
  }

  private static InboxItem pending(
      EscalationEvent escalation,
      EscalationKind kind,
      String agent,
      PlannedAction action,
      String reason,
      String policy) {
    return new InboxItem(
        escalation.escalationId(),
        escalation.goalId(),
        kind,
        escalation.queue(),
        agent,
        action,
        reason,
        policy,
        escalation.occurredAt(),
        ItemStatus.PENDING,
        null,
        null,
        escalation.eventId());
  }

  public boolean isPending() {
    return status == ItemStatus.PENDING;
  }

  InboxItem resolvedBy(ResolutionEvent resolution) {
    return new InboxItem(
        escalationId,
        goalId,
        kind,
        queue,
        agent,
        action,
        reason,
        policy,
        createdAt,
        ItemStatus.RESOLVED,
        resolution.actor(),
        EventCodec.typeName(resolution),
        escalationEventId);
  }
}
