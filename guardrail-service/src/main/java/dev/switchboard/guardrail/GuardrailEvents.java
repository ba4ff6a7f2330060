package dev.switchboard.guardrail;

import dev.switchboard.contracts.ActionSigner;
import dev.switchboard.contracts.EscalationIds;
import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.event.ActionRequestEvent.ActionRequested;
import dev.switchboard.contracts.event.EscalationEvent.ApprovalRequested;
import dev.switchboard.contracts.event.EscalationEvent.HandoffRequested;
import dev.switchboard.contracts.event.EscalationEvent.QuestionAsked;
import dev.switchboard.contracts.event.EscalationEvent.ResolutionRefused;
import dev.switchboard.contracts.event.ExpiryRoute;
import dev.switchboard.contracts.event.PlanEvent.HandoffProposed;
import dev.switchboard.contracts.event.PlanEvent.QuestionProposed;
import dev.switchboard.contracts.event.PlannedAction;
import dev.switchboard.contracts.event.ResolutionEvent;
import dev.switchboard.contracts.event.SwitchboardEvent;
import dev.switchboard.contracts.event.VerdictEvent.ActionAllowed;
import dev.switchboard.contracts.event.VerdictEvent.ActionDenied;
import dev.switchboard.contracts.event.VerdictEvent.ActionEscalated;
import dev.switchboard.contracts.event.VerdictEvent.Audit;
import dev.switchboard.policy.EscalationRoute;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Every event the guardrail writes is built here: a fresh eventId, the cause as causationId, the
 * clock's time, and requests signed. The judging classes say what; this class says how.
 */
final class GuardrailEvents {
  private final ActionSigner signer;
  private final Clock clock;
  private final Duration requestTtl;

  GuardrailEvents(ActionSigner signer, Clock clock, Duration requestTtl) {
    this.signer = signer;
    this.clock = clock;
    this.requestTtl = requestTtl;
  }

  ActionAllowed allowed(SwitchboardEvent cause, String actionId, Audit audit) {
    return new ActionAllowed(
        cause.goalId(),
        UUID.randomUUID(),
        cause.eventId(),
        clock.instant(),
        actionId,
        audit.rule(),
        audit);
  }

  ActionDenied denied(SwitchboardEvent cause, String actionId, Audit audit) {
    return new ActionDenied(
        cause.goalId(),
        UUID.randomUUID(),
        cause.eventId(),
        clock.instant(),
        actionId,
        audit.rule(),
        audit.reason(),
        audit);
  }

  ActionEscalated escalated(
      SwitchboardEvent cause, String actionId, String escalationId, Audit audit) {
    return new ActionEscalated(
        cause.goalId(),
        UUID.randomUUID(),
        cause.eventId(),
        clock.instant(),
        actionId,
        audit.rule(),
        escalationId,
        audit.reason(),
        audit);
  }

  ApprovalRequested approvalRequested(
      SwitchboardEvent cause,
      String escalationId,
      String queue,
      EscalationRoute route,
      String agent,
      PlannedAction action,
      Audit audit,
      String requestedBy) {
    return new ApprovalRequested(
        cause.goalId(),
        UUID.randomUUID(),
        cause.eventId(),
        clock.instant(),
        escalationId,
        queue,
        agent,
        action,
        audit.rule(),
        audit.reason(),
        route.approverRole(),
        route.fourEyes(),
        route.sla(),
        requestedBy,
        route.onExpiry() == null ? null : new ExpiryRoute(route.onExpiry()));
  }

  /** The approval stays pending: the inbox shows it waiting again, with the reason. */
  ResolutionRefused refused(ResolutionEvent answer, String queue, String reason) {
    return new ResolutionRefused(
        answer.goalId(),
        UUID.randomUUID(),
        answer.eventId(),
        clock.instant(),
        answer.escalationId(),
        queue,
        answer.actor(),
        EventCodec.typeName(answer),
        reason);
  }

  /**
   * The signed request the executor will run, with its expiry: the executor runs nothing for it
   * after {@code requestTtl}. {@code approvedBy} is null when policy allowed it.
   */
  ActionRequested request(SwitchboardEvent cause, PlannedAction action, String approvedBy) {
    Instant now = clock.instant();
    return signer.sign(
        new ActionRequested(
            cause.goalId(),
            UUID.randomUUID(),
            cause.eventId(),
            now,
            action,
            approvedBy,
            now.plus(requestTtl),
            null,
            null));
  }

  HandoffRequested handoffRequested(HandoffProposed handoff, String escalationId, String queue) {
    return new HandoffRequested(
        handoff.goalId(),
        UUID.randomUUID(),
        handoff.eventId(),
        clock.instant(),
        escalationId,
        queue,
        handoff.agent(),
        handoff.target(),
        handoff.reason(),
        handoff.summary(),
        handoff.context());
  }

  QuestionAsked questionAsked(QuestionProposed question) {
    return new QuestionAsked(
        question.goalId(),
        UUID.randomUUID(),
        question.eventId(),
        clock.instant(),
        EscalationIds.of(question.goalId(), "question", question.eventId().toString()),
        question.queue(),
        question.agent(),
        question.question());
  }
}
