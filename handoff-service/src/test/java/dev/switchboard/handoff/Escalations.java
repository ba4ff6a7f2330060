package dev.switchboard.handoff;

import dev.switchboard.contracts.EscalationIds;
import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.event.EscalationEvent.ApprovalRequested;
import dev.switchboard.contracts.event.EscalationEvent.HandoffRequested;
import dev.switchboard.contracts.event.EscalationEvent.QuestionAsked;
import dev.switchboard.contracts.event.EscalationEvent.ResolutionRefused;
import dev.switchboard.contracts.event.ExpiryRoute;
import dev.switchboard.contracts.event.PlannedAction;
import dev.switchboard.contracts.event.ResolutionEvent;
import dev.switchboard.contracts.event.ResolutionEvent.Approved;
import dev.switchboard.contracts.event.ResolutionEvent.Denied;
import dev.switchboard.websecurity.Caller;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Escalations and resolutions as the guardrail and the desk write them, and people who answer. */
final class Escalations {
  static final Instant T0 = Instant.parse("2025-01-01T10:00:00Z");
  static final Duration DEFAULT_SLA = Duration.ofHours(4);
  static final EventCodec CODEC = new EventCodec();
  static final Clock CLOCK = Clock.fixed(T0.plusSeconds(30), ZoneOffset.UTC);

  static final Caller ANN = new Caller("ann", Set.of("approvers"), Caller.PASSWORD);
  static final Caller BOB = new Caller("bob", Set.of("approvers", "sales"), Caller.PASSWORD);
  static final Caller CAROL = new Caller("carol", Set.of("approvers"), Caller.PASSWORD);
  static final Caller SALES_ONLY = new Caller("sam", Set.of("sales"), Caller.PASSWORD);
  static final Caller BOT = new Caller("ticket-bot", Set.of("approvers"), Caller.SERVICE_TOKEN);
  static final RequestOrigin ORIGIN =
      new RequestOrigin("10.0.0.7", "curl/8.5", "4bf92f3577b34da6a3ce929d0e0e4736");

  private Escalations() {}

  static String approvalId(String goalId) {
    return EscalationIds.of(goalId, "approval", goalId + "/step-2");
  }

  static PlannedAction sendAction(String goalId) {
    return new PlannedAction(
        goalId + "/step-2",
        "demo.send",
        CODEC
            .mapper()
            .readTree(
                "{\"to\":\"pat.lee@acme.example\",\"subject\":\"Hello\",\"body\":\"Hi Pat\"}"),
        List.of(goalId + "/step-1"),
        true,
        "the SOP says to write");
  }

  static ApprovalRequested approvalRequested(String goalId, Instant at) {
    return approvalRequested(goalId, at, null, false, null);
  }

  static ApprovalRequested approvalRequested(
      String goalId, Instant at, String requestedBy, boolean fourEyes, Duration sla) {
    return approvalRequested(goalId, at, "human:approvers", requestedBy, fourEyes, sla, null);
  }

  /** A request in this queue with this SLA and what its policy says on expiry (null: nothing). */
  static ApprovalRequested approvalRequested(
      String goalId, Instant at, String queue, Duration sla, ExpiryRoute onExpiry) {
    return approvalRequested(goalId, at, queue, null, false, sla, onExpiry);
  }

  private static ApprovalRequested approvalRequested(
      String goalId,
      Instant at,
      String queue,
      String requestedBy,
      boolean fourEyes,
      Duration sla,
      ExpiryRoute onExpiry) {
    return new ApprovalRequested(
        goalId,
        UUID.randomUUID(),
        UUID.randomUUID(),
        at,
        approvalId(goalId),
        queue,
        "demo",
        sendAction(goalId),
        "outbound-communication",
        "demo.send writes to someone outside",
        null,
        fourEyes,
        sla,
        requestedBy,
        onExpiry);
  }

  static ApprovalRequested withApproverRole(ApprovalRequested request, String role) {
    return new ApprovalRequested(
        request.goalId(),
        request.eventId(),
        request.causationId(),
        request.occurredAt(),
        request.escalationId(),
        request.queue(),
        request.agent(),
        request.action(),
        request.policy(),
        request.reason(),
        role,
        request.fourEyes(),
        request.sla(),
        request.requestedBy(),
        request.onExpiry());
  }

  /** The same request with what its policy says happens on expiry. */
  static ApprovalRequested withOnExpiry(ApprovalRequested request, ExpiryRoute onExpiry) {
    return new ApprovalRequested(
        request.goalId(),
        request.eventId(),
        request.causationId(),
        request.occurredAt(),
        request.escalationId(),
        request.queue(),
        request.agent(),
        request.action(),
        request.policy(),
        request.reason(),
        request.approverRole(),
        request.fourEyes(),
        request.sla(),
        request.requestedBy(),
        onExpiry);
  }

  static QuestionAsked questionAsked(String goalId, Instant at) {
    return new QuestionAsked(
        goalId,
        UUID.randomUUID(),
        UUID.randomUUID(),
        at,
        EscalationIds.of(goalId, "question", "q-1"),
        "human:sales",
        "demo",
        "Which region?");
  }

  static HandoffRequested handoffRequested(String goalId, Instant at) {
    return handoffRequested(goalId, at, "human:support");
  }

  static HandoffRequested handoffRequested(String goalId, Instant at, String target) {
    return new HandoffRequested(
        goalId,
        UUID.randomUUID(),
        UUID.randomUUID(),
        at,
        EscalationIds.of(goalId, "handoff", "h-1"),
        target,
        "demo",
        target,
        "the customer asked for a person",
        "summary");
  }

  static Approved approved(ApprovalRequested request, String actor) {
    return new Approved(
        request.goalId(),
        UUID.randomUUID(),
        request.eventId(),
        T0.plusSeconds(60),
        request.escalationId(),
        actor,
        null);
  }

  static Denied denied(ApprovalRequested request, String actor) {
    return new Denied(
        request.goalId(),
        UUID.randomUUID(),
        request.eventId(),
        T0.plusSeconds(60),
        request.escalationId(),
        actor,
        "not now");
  }

  static ResolutionRefused refused(ResolutionEvent answer, String reason) {
    return new ResolutionRefused(
        answer.goalId(),
        UUID.randomUUID(),
        answer.eventId(),
        answer.occurredAt().plusSeconds(1),
        answer.escalationId(),
        "human:approvers",
        answer.actor(),
        EventCodec.typeName(answer),
        reason);
  }
}
