package dev.switchboard.handoff;

import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.event.EscalationEvent;
import dev.switchboard.contracts.event.EscalationEvent.ApprovalRequested;
import dev.switchboard.contracts.event.EscalationEvent.HandoffRequested;
import dev.switchboard.contracts.event.EscalationEvent.QuestionAsked;
import dev.switchboard.contracts.event.EscalationEvent.ResolutionRefused;
import dev.switchboard.contracts.event.PlannedAction;
import dev.switchboard.contracts.event.ResolutionEvent;
import dev.switchboard.contracts.event.ResolutionEvent.Answered;
import dev.switchboard.contracts.event.ResolutionEvent.Approved;
import dev.switchboard.contracts.event.ResolutionEvent.Denied;
import dev.switchboard.contracts.event.ResolutionEvent.Edited;
import dev.switchboard.contracts.event.ResolutionEvent.Expired;
import dev.switchboard.contracts.event.ResolutionEvent.Reassigned;
import dev.switchboard.contracts.event.ResolutionEvent.TakenOver;
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
    List<HistoryEntry> history) {

  public InboxItem {
    history = history == null ? List.of() : List.copyOf(history);
  }

  static InboxItem pendingFrom(EscalationEvent escalation, Duration defaultSla) {
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
              approval.occurredAt().plus(approval.sla() == null ? defaultSla : approval.sla()),
              approval.requestedBy(),
              approval.approverRole(),
              approval.fourEyes(),
              null,
              null,
              ItemStatus.PENDING,
              null,
              null,
              approval.eventId(),
              List.of(received(approval, approval.agent(), approval.reason())));
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
              handoff.occurredAt().plus(defaultSla),
              null,
              null,
              false,
              handoff.target(),
              handoff.summary(),
              ItemStatus.PENDING,
              null,
              null,
              handoff.eventId(),
              List.of(received(handoff, handoff.fromAgent(), handoff.reason())));
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
              question.occurredAt().plus(defaultSla),
              null,
              null,
              false,
              null,
              null,
              ItemStatus.PENDING,
              null,
              null,
              question.eventId(),
              List.of(received(question, question.agent(), question.question())));
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

  /** The answer applied: resolved, or still pending in a new human queue. */
  InboxItem answered(ResolutionEvent answer) {
    HistoryEntry line =
        new HistoryEntry(
            answer.occurredAt(),
            EventCodec.typeName(answer),
            answer.actor(),
            detailOf(answer),
            answer.eventId(),
            answer.audit());
    if (answer instanceof Reassigned reassigned && reassigned.newOwner().startsWith("human:")) {
      return new InboxItem(
          escalationId,
          goalId,
          kind,
          reassigned.newOwner(),
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
          ItemStatus.PENDING,
          answer,
          null,
          escalationEventId,
          plus(line));
    }
    return with(ItemStatus.RESOLVED, answer, null, line);
  }

  /** The guardrail did not take the answer in force: pending again, with its reason. */
  InboxItem reopened(ResolutionRefused refused) {
    return with(
        ItemStatus.PENDING,
        null,
        refused.reason(),
        new HistoryEntry(
            refused.occurredAt(),
            EventCodec.typeName(refused),
            "guardrail",
            refused.resolution() + " by " + refused.actor() + " refused: " + refused.reason(),
            refused.eventId(),
            null));
  }

  private InboxItem with(
      ItemStatus newStatus, ResolutionEvent newAnswer, String newRefusal, HistoryEntry line) {
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
        newStatus,
        newAnswer,
        newRefusal,
        escalationEventId,
        plus(line));
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
      case Reassigned reassigned -> "to " + reassigned.newOwner();
      case Expired expired -> expired.reason();
    };
  }
}
