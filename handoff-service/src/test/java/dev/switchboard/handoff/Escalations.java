package dev.switchboard.handoff;

import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.event.EscalationEvent.ApprovalRequested;
import dev.switchboard.contracts.event.EscalationEvent.HandoffRequested;
import dev.switchboard.contracts.event.EscalationEvent.QuestionAsked;
import dev.switchboard.contracts.event.PlannedAction;
import dev.switchboard.contracts.event.ResolutionEvent.Approved;
import dev.switchboard.contracts.event.ResolutionEvent.Denied;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Escalations and resolutions as the guardrail and the desk write them. */
final class Escalations {
  static final Instant T0 = Instant.parse("2025-01-01T10:00:00Z");
  static final EventCodec CODEC = new EventCodec();
  static final Clock CLOCK = Clock.fixed(T0.plusSeconds(30), ZoneOffset.UTC);

  private Escalations() {}

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
    return new ApprovalRequested(
        goalId,
        UUID.randomUUID(),
        UUID.randomUUID(),
        at,
        goalId + "-step-2-approval",
        "human:approvers",
        "demo",
        sendAction(goalId),
        "outbound-communication",
        "demo.send writes to someone outside");
  }

  static QuestionAsked questionAsked(String goalId, Instant at) {
    return new QuestionAsked(
        goalId,
        UUID.randomUUID(),
        UUID.randomUUID(),
        at,
        goalId + "/question-1",
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
        goalId + "/handoff-1",
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
}
