package dev.switchboard.trace;

import dev.switchboard.contracts.event.ActionRequestEvent.ActionRequested;
import dev.switchboard.contracts.event.ActionResultEvent.ActionFailed;
import dev.switchboard.contracts.event.ActionResultEvent.ActionSucceeded;
import dev.switchboard.contracts.event.EscalationEvent.ApprovalRequested;
import dev.switchboard.contracts.event.GoalEvent.GoalSubmitted;
import dev.switchboard.contracts.event.OutcomeEvent;
import dev.switchboard.contracts.event.OutcomeEvent.GoalCompleted;
import dev.switchboard.contracts.event.OutcomeEvent.GoalFailed;
import dev.switchboard.contracts.event.PlanEvent.StepsProposed;
import dev.switchboard.contracts.event.PlannedAction;
import dev.switchboard.contracts.event.ResolutionEvent.Approved;
import dev.switchboard.contracts.event.VerdictEvent.ActionAllowed;
import dev.switchboard.contracts.event.VerdictEvent.ActionEscalated;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The events of one walking-skeleton goal (lookup, then an approved send), each at a chosen second
 * after the start. Arguments, outputs, signatures and comments hold {@link #SECRET} so tests can
 * check it never reaches the journal.
 */
final class DemoGoal {
  static final String SECRET = "s3cr3t";
  static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

  final String goalId;
  private final Instant start;
  private final UUID cause = UUID.randomUUID();

  DemoGoal(String goalId) {
    this(goalId, START);
  }

  private DemoGoal(String goalId, Instant start) {
    this.goalId = goalId;
    this.start = start;
  }

  static DemoGoal random() {
    return new DemoGoal("goal-" + UUID.randomUUID());
  }

  /** A goal whose events happen from {@code start} on, e.g. now for a page a person looks at. */
  static DemoGoal startingAt(Instant start) {
    return new DemoGoal("goal-" + UUID.randomUUID(), start);
  }

  /** When this goal's event of that second happens. */
  Instant time(int second) {
    return start.plusSeconds(second);
  }

  static Instant at(int second) {
    return START.plusSeconds(second);
  }

  String lookupId() {
    return goalId + "/step-1";
  }

  String sendId() {
    return goalId + "/step-2";
  }

  String approvalId() {
    return sendId() + "/approval";
  }

  PlannedAction lookup() {
    return new PlannedAction(
        lookupId(),
        "demo.lookup",
        JsonNodeFactory.instance.objectNode().put("account", "ACME " + SECRET),
        List.of(),
        false,
        "find the contact");
  }

  PlannedAction send() {
    return new PlannedAction(
        sendId(),
        "demo.send",
        JsonNodeFactory.instance
            .objectNode()
            .put("to", "buyer@acme.example")
            .put("body", "the password is " + SECRET),
        List.of(lookupId()),
        true,
        "tell the buyer");
  }

  GoalSubmitted submitted(int second) {
    return new GoalSubmitted(
        goalId,
        UUID.randomUUID(),
        null,
        time(second),
        "demo",
        "Tell ACME",
        Map.of("account", "ACME"));
  }

  GoalSubmitted submittedFor(String agent, int second) {
    return new GoalSubmitted(
        goalId,
        UUID.randomUUID(),
        null,
        time(second),
        agent,
        "Tell ACME",
        Map.of("account", "ACME"));
  }

  StepsProposed lookupProposedFor(String agent, int second) {
    return new StepsProposed(
        goalId, UUID.randomUUID(), cause, time(second), agent, List.of(lookup()));
  }

  StepsProposed lookupProposed(int second) {
    return new StepsProposed(
        goalId, UUID.randomUUID(), cause, time(second), "demo", List.of(lookup()));
  }

  ActionAllowed lookupAllowed(int second) {
    return new ActionAllowed(
        goalId, UUID.randomUUID(), cause, time(second), lookupId(), "read-only-tools");
  }

  ActionRequested lookupRequested(int second) {
    return new ActionRequested(
        goalId,
        UUID.randomUUID(),
        cause,
        time(second),
        lookup(),
        null,
        time(second + 600),
        "key-1",
        "sig-" + SECRET);
  }

  ActionSucceeded lookupSucceeded(int second) {
    return new ActionSucceeded(
        goalId,
        UUID.randomUUID(),
        cause,
        time(second),
        lookupId(),
        "demo.lookup",
        JsonNodeFactory.instance.objectNode().put("contact", SECRET + "@acme.example"));
  }

  StepsProposed sendProposed(int second) {
    return new StepsProposed(
        goalId, UUID.randomUUID(), cause, time(second), "demo", List.of(send()));
  }

  ActionEscalated sendEscalated(int second) {
    return new ActionEscalated(
        goalId,
        UUID.randomUUID(),
        cause,
        time(second),
        sendId(),
        "outbound-communication",
        approvalId(),
        "outbound mail needs a person");
  }

  ApprovalRequested approvalRequested(int second) {
    return new ApprovalRequested(
        goalId,
        UUID.randomUUID(),
        cause,
        time(second),
        approvalId(),
        "human:approvers",
        "demo",
        send(),
        "outbound-communication",
        "outbound mail needs a person");
  }

  Approved approved(int second) {
    return new Approved(
        goalId,
        UUID.randomUUID(),
        cause,
        time(second),
        approvalId(),
        "local-operator",
        "fine, token " + SECRET);
  }

  ActionRequested sendRequested(int second) {
    return new ActionRequested(
        goalId,
        UUID.randomUUID(),
        cause,
        time(second),
        send(),
        "local-operator",
        time(second + 600),
        "key-1",
        "sig-" + SECRET);
  }

  ActionSucceeded sendSucceeded(int second) {
    return new ActionSucceeded(
        goalId,
        UUID.randomUUID(),
        cause,
        time(second),
        sendId(),
        "demo.send",
        JsonNodeFactory.instance.objectNode().put("messageId", SECRET));
  }

  ActionFailed sendFailed(int second) {
    return new ActionFailed(
        goalId, UUID.randomUUID(), cause, time(second), sendId(), "demo.send", "mailbox full");
  }

  GoalCompleted completed(int second) {
    return new GoalCompleted(
        goalId,
        UUID.randomUUID(),
        cause,
        time(second),
        "told ACME about the new pricing",
        JsonNodeFactory.instance.objectNode().put(sendId(), SECRET));
  }

  GoalFailed failed(int second) {
    return new GoalFailed(
        goalId, UUID.randomUUID(), cause, time(second), "could not tell ACME", "mailbox full");
  }

  OutcomeEvent.GoalCancelled cancelled(int second) {
    return new OutcomeEvent.GoalCancelled(
        goalId,
        UUID.randomUUID(),
        cause,
        time(second),
        "cancelled by its submitter",
        "no longer needed");
  }
}
