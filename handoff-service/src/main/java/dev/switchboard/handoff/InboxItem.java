package dev.switchboard.handoff;

import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.event.EscalationEvent;
import dev.switchboard.contracts.event.EscalationEvent.ApprovalRequested;
import dev.switchboard.contracts.event.EscalationEvent.HandoffRequested;
import dev.switchboard.contracts.event.EscalationEvent.QuestionAsked;
import dev.switchboard.contracts.event.EscalationEvent.ResolutionRefused;
import dev.switchboard.contracts.event.ExpiryRoute;
import dev.switchboard.contracts.event.Owners;
import dev.switchboard.contracts.event.PlannedAction;
import dev.switchboard.contracts.event.ResolutionEvent;
import dev.switchboard.contracts.event.ResolutionEvent.Answered;
import dev.switchboard.contracts.event.ResolutionEvent.Approved;
import dev.switchboard.contracts.event.ResolutionEvent.DeadlineNear;
import dev.switchboard.contracts.event.ResolutionEvent.Denied;
import dev.switchboard.contracts.event.ResolutionEvent.Edited;
import dev.switchboard.contracts.event.ResolutionEvent.Expired;
import dev.switchboard.contracts.event.ResolutionEvent.Reassigned;
import dev.switchboard.contracts.event.ResolutionEvent.TakenOver;
import dev.switchboard.contracts.event.VerdictEvent.Audit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One escalation in the inbox: what is asked, of whom, by when, how it was answered, and its
 * history. Built only from events, so every instance that replays them holds the same item.
 *
 * @param queue who should answer; changes when a person reassigns it to another human queue
 * @param action the action waiting for approval; null for handoffs and questions
 * @param reason why a person is needed; for a question, the question itself
 * @param deadline when the answer is due: the escalation's SLA, or the inbox default, from its time
 * @param requestedBy the goal's requester (four-eyes), null when unknown
 * @param approverRole a role an approver must hold besides covering the queue; null for none
 * @param target for a handoff, where it goes ({@code human:<queue>} or {@code agent:<name>})
 * @param summary for a handoff, what the agent hands over
 * @param lastAnswer the latest answer applied: the decision while resolved, or a reassignment that
 *     kept the item open in another queue; null while nobody answered (or after a refusal)
 * @param refusal why the guardrail refused the last answer, while the item waits again
 * @param escalationEventId the escalation event's id, the causation of every answer
 * @param sla how long each queue has to answer: the escalation's SLA or the inbox default
 * @param traceId the W3C trace id the escalation's record carried, if any
 * @param stoppedBy the guardrail's audit record of the verdict that escalated an action (policy,
 *     rule, reason); null for questions and handoffs, and until the verdict is read
 * @param onExpiry what the guardrail's policy says happens when nobody answers in time; null when
 *     it says nothing, so {@code switchboard.handoff.next-queues} decides
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
    Instant deadline,
    String requestedBy,
    String approverRole,
    boolean fourEyes,
    String target,
    String summary,
    ItemStatus status,
    ResolutionEvent lastAnswer,
    String refusal,
    UUID escalationEventId,
    List<HistoryEntry> history,
    Duration sla,
    String traceId,
    Audit stoppedBy,
    ExpiryRoute onExpiry) {

  public InboxItem {
    history = history == null ? List.of() : List.copyOf(history);
    // Items stored before the SLA was kept: it is what the first deadline gave.
    sla =
        sla == null && createdAt != null && deadline != null
            ? Duration.between(createdAt, deadline)
            : sla;
  }

  static InboxItem pendingFrom(EscalationEvent escalation, Duration defaultSla) {
    return pendingFrom(escalation, defaultSla, null);
  }

  /**
   * @param traceId the trace id of the escalation's record, or null
   */
  static InboxItem pendingFrom(EscalationEvent escalation, Duration defaultSla, String traceId) {
    Duration sla =
        escalation instanceof ApprovalRequested approval && approval.sla() != null
            ? approval.sla()
            : defaultSla;
    return switch (escalation) {
      case ApprovalRequested approval ->
          new InboxItem(
              approval.escalationId(),
              approval.goalId(),
              EscalationKind.ApprovalRequested,
              approval.queue(),
              approval.agent(),
              approval.action(),
              approval.reason(),
              approval.policy(),
              approval.occurredAt(),
              approval.occurredAt().plus(sla),
              approval.requestedBy(),
              approval.approverRole(),
              approval.fourEyes(),
              null,
              null,
              ItemStatus.PENDING,
              null,
              null,
              approval.eventId(),
              List.of(received(approval, approval.agent(), approval.reason())),
              sla,
              traceId,
              null,
              approval.onExpiry());
      case HandoffRequested handoff ->
          new InboxItem(
              handoff.escalationId(),
              handoff.goalId(),
              EscalationKind.HandoffRequested,
              handoff.queue(),
              handoff.fromAgent(),
              null,
              handoff.reason(),
              null,
              handoff.occurredAt(),
              handoff.occurredAt().plus(sla),
              null,
              null,
              false,
              handoff.target(),
              handoff.summary(),
              ItemStatus.PENDING,
              null,
              null,
              handoff.eventId(),
              List.of(received(handoff, handoff.fromAgent(), handoff.reason())),
              sla,
              traceId,
              null,
              null);
      case QuestionAsked question ->
          new InboxItem(
              question.escalationId(),
              question.goalId(),
              EscalationKind.QuestionAsked,
              question.queue(),
              question.agent(),
              null,
              question.question(),
              null,
              question.occurredAt(),
              question.occurredAt().plus(sla),
              null,
              null,
              false,
              null,
              null,
              ItemStatus.PENDING,
              null,
              null,
              question.eventId(),
              List.of(received(question, question.agent(), question.question())),
              sla,
              traceId,
              null,
              null);
      case ResolutionRefused refused ->
          throw new IllegalArgumentException("a refusal reopens an item; it does not open one");
    };
  }

  private static HistoryEntry received(EscalationEvent escalation, String agent, String detail) {
    return new HistoryEntry(
        escalation.occurredAt(),
        EventCodec.typeName(escalation),
        agent == null ? "agent" : "agent " + agent,
        detail,
        escalation.eventId(),
        null);
  }

  public boolean isPending() {
    return status == ItemStatus.PENDING;
  }

  /** The answer that resolved the item; null while it is pending. */
  public ResolutionEvent decision() {
    return isPending() ? null : lastAnswer;
  }

  /** The decision as its event type ({@code Approved}, ...), null while pending. */
  public String resolution() {
    return isPending() ? null : EventCodec.typeName(lastAnswer);
  }

  public String resolvedBy() {
    return isPending() ? null : lastAnswer.actor();
  }

  /** True once the event is part of this item, so a cached copy of it is no longer needed. */
  public boolean hasSeen(UUID eventId) {
    return history.stream().anyMatch(entry -> entry.eventId().equals(eventId));
  }

  /**
   * The answer applied: resolved, or still pending in a new human queue. A queue the SLA clock
   * moved the item to gets the item's whole SLA from the move.
   */
  InboxItem answered(ResolutionEvent answer) {
    HistoryEntry line =
        new HistoryEntry(
            answer.occurredAt(),
            EventCodec.typeName(answer),
            answer.actor(),
            detailOf(answer),
            answer.eventId(),
            answer.audit());
    if (answer instanceof Reassigned reassigned && Owners.isHuman(reassigned.newOwner())) {
      Instant due =
          SlaClock.ACTOR.equals(reassigned.actor()) ? reassigned.occurredAt().plus(sla) : deadline;
      return copy(reassigned.newOwner(), due, ItemStatus.PENDING, answer, null, stoppedBy, line);
    }
    return copy(queue, deadline, ItemStatus.RESOLVED, answer, null, stoppedBy, line);
  }

  /** The guardrail did not take the answer in force: pending again, with its reason. */
  InboxItem reopened(ResolutionRefused refused) {
    return copy(
        queue,
        deadline,
        ItemStatus.PENDING,
        null,
        refused.reason(),
        stoppedBy,
        new HistoryEntry(
            refused.occurredAt(),
            EventCodec.typeName(refused),
            "guardrail",
            refused.resolution() + " by " + refused.actor() + " refused: " + refused.reason(),
            refused.eventId(),
            null));
  }

  /** The SLA clock's reminder, as a line of the history; the item waits on. */
  InboxItem reminded(DeadlineNear reminder) {
    return copy(
        queue,
        deadline,
        status,
        lastAnswer,
        refusal,
        stoppedBy,
        new HistoryEntry(
            reminder.occurredAt(),
            EventCodec.typeName(reminder),
            reminder.actor(),
            "reminder to " + reminder.queue() + ": due " + reminder.deadline(),
            reminder.eventId(),
            reminder.audit()));
  }

  /** With the guardrail's audit record of why the policy stopped the action. */
  InboxItem withStoppedBy(Audit audit) {
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
        deadline,
        requestedBy,
        approverRole,
        fourEyes,
        target,
        summary,
        status,
        lastAnswer,
        refusal,
        escalationEventId,
        history,
        sla,
        traceId,
        audit,
        onExpiry);
  }

  private InboxItem copy(
      String newQueue,
      Instant newDeadline,
      ItemStatus newStatus,
      ResolutionEvent newAnswer,
      String newRefusal,
      Audit newStoppedBy,
      HistoryEntry line) {
    return new InboxItem(
        escalationId,
        goalId,
        kind,
        newQueue,
        agent,
        action,
        reason,
        policy,
        createdAt,
        newDeadline,
        requestedBy,
        approverRole,
        fourEyes,
        target,
        summary,
        newStatus,
        newAnswer,
        newRefusal,
        escalationEventId,
        plus(line),
        sla,
        traceId,
        newStoppedBy,
        onExpiry);
  }

  private List<HistoryEntry> plus(HistoryEntry line) {
    List<HistoryEntry> lines = new ArrayList<>(history);
    lines.add(line);
    return lines;
  }

  static String detailOf(ResolutionEvent answer) {
    return switch (answer) {
      case Approved approved -> approved.comment();
      case Denied denied -> denied.reason();
      case Edited edited -> "arguments changed to " + edited.arguments();
      case Answered answered -> answered.answer();
      case TakenOver takenOver -> takenOver.result();
      case Reassigned reassigned ->
          SlaClock.ACTOR.equals(reassigned.actor())
              ? "no answer in time; moved to " + reassigned.newOwner()
              : "to " + reassigned.newOwner();
      case Expired expired -> expired.reason();
      case DeadlineNear reminder -> "reminder: due " + reminder.deadline();
    };
  }
}
