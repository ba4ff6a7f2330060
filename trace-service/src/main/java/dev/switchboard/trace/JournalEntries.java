package dev.switchboard.trace;

import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.event.ActionRequestEvent.ActionRequested;
import dev.switchboard.contracts.event.ActionResultEvent;
import dev.switchboard.contracts.event.EscalationEvent.ApprovalRequested;
import dev.switchboard.contracts.event.EscalationEvent.HandoffRequested;
import dev.switchboard.contracts.event.EscalationEvent.QuestionAsked;
import dev.switchboard.contracts.event.EscalationEvent.ResolutionRefused;
import dev.switchboard.contracts.event.GoalEvent.GoalCancelled;
import dev.switchboard.contracts.event.GoalEvent.GoalSubmitted;
import dev.switchboard.contracts.event.ModelUsage;
import dev.switchboard.contracts.event.OutcomeEvent;
import dev.switchboard.contracts.event.PlanEvent.GoalFinishing;
import dev.switchboard.contracts.event.PlanEvent.HandoffProposed;
import dev.switchboard.contracts.event.PlanEvent.QuestionProposed;
import dev.switchboard.contracts.event.PlanEvent.StepsProposed;
import dev.switchboard.contracts.event.PlannedAction;
import dev.switchboard.contracts.event.ResolutionEvent;
import dev.switchboard.contracts.event.ResolutionEvent.Reassigned;
import dev.switchboard.contracts.event.SwitchboardEvent;
import dev.switchboard.contracts.event.VerdictEvent;
import dev.switchboard.contracts.event.VerdictEvent.ActionEscalated;
import java.util.List;

/**
 * The journal entry of each event: its line plus the names it is about. Like the line, the names
 * hold no arguments, outputs, questions, answers or comments, and each is one short line.
 */
final class JournalEntries {
  private JournalEntries() {}

  /** What an entry names beside its line; null where the event names nothing of the kind. */
  private record Names(
      List<ActionRef> actions,
      String agent,
      String policy,
      String escalationId,
      String queue,
      String actor,
      String target) {
    static final Names NONE = new Names(List.of(), null, null, null, null, null, null);
  }

  static JournalEntry of(SwitchboardEvent event, KnownNames known, long seq) {
    Names names = namesOf(event, known);
    return new JournalEntry(
        Topics.carrying(event.getClass()).baseName(),
        EventCodec.typeName(event),
        event.eventId(),
        event.causationId(),
        event.occurredAt(),
        EventSummaries.of(event, known),
        seq,
        names.actions(),
        name(names.agent()),
        name(names.policy()),
        name(names.escalationId()),
        name(names.queue()),
        name(names.actor()),
        name(names.target()),
        usageOf(event));
  }

  /** The model usage a planner event reports (each model call on exactly one event). */
  private static Usage usageOf(SwitchboardEvent event) {
    if (event instanceof ModelUsage.Carrier carrier && carrier.usage() != null) {
      ModelUsage usage = carrier.usage();
      return new Usage(usage.inputTokens(), usage.outputTokens(), usage.cost(), usage.currency());
    }
    return null;
  }

  private static Names namesOf(SwitchboardEvent event, KnownNames known) {
    return switch (event) {
      case GoalSubmitted submitted -> agent(submitted.agent());
      case GoalCancelled cancelled ->
          new Names(List.of(), null, null, null, null, cancelled.requestedBy(), null);
      case StepsProposed steps ->
          new Names(actions(steps.actions()), steps.agent(), null, null, null, null, null);
      case HandoffProposed handoff ->
          new Names(List.of(), handoff.agent(), null, null, null, null, handoff.target());
      case QuestionProposed question ->
          new Names(List.of(), question.agent(), null, null, question.queue(), null, null);
      case GoalFinishing finishing -> Names.NONE;
      case ActionEscalated escalated ->
          new Names(
              action(escalated.actionId(), known.toolsByAction().get(escalated.actionId())),
              null,
              escalated.policy(),
              escalated.escalationId(),
              known.queueOf(escalated.escalationId()),
              null,
              null);
      case VerdictEvent verdict ->
          new Names(
              action(verdict.actionId(), known.toolsByAction().get(verdict.actionId())),
              null,
              verdict.policy(),
              null,
              null,
              null,
              null);
      case ActionRequested requested ->
          new Names(
              actions(List.of(requested.action())),
              null,
              null,
              null,
              null,
              requested.approvedBy(),
              null);
      case ActionResultEvent result ->
          new Names(action(result.actionId(), result.tool()), null, null, null, null, null, null);
      case ApprovalRequested approval ->
          new Names(
              actions(List.of(approval.action())),
              approval.agent(),
              approval.policy(),
              approval.escalationId(),
              approval.queue(),
              null,
              null);
      case HandoffRequested handoff ->
          new Names(
              List.of(),
              handoff.fromAgent(),
              null,
              handoff.escalationId(),
              handoff.queue(),
              null,
              handoff.target());
      case QuestionAsked question ->
          new Names(
              List.of(),
              question.agent(),
              null,
              question.escalationId(),
              question.queue(),
              null,
              null);
      case ResolutionRefused refused ->
          new Names(
              List.of(),
              null,
              null,
              refused.escalationId(),
              refused.queue(),
              refused.actor(),
              null);
      case Reassigned reassigned ->
          new Names(
              List.of(),
              null,
              null,
              reassigned.escalationId(),
              null,
              reassigned.actor(),
              reassigned.newOwner());
      case ResolutionEvent resolution ->
          new Names(
              List.of(), null, null, resolution.escalationId(), null, resolution.actor(), null);
      case OutcomeEvent outcome -> Names.NONE;
    };
  }

  private static Names agent(String agent) {
    return new Names(List.of(), agent, null, null, null, null, null);
  }

  private static List<ActionRef> action(String actionId, String tool) {
    return List.of(new ActionRef(name(actionId), name(tool)));
  }

  private static List<ActionRef> actions(List<PlannedAction> actions) {
    return actions.stream()
        .limit(JournalEntry.MAX_ACTIONS)
        .map(action -> new ActionRef(name(action.actionId()), name(action.tool())))
        .toList();
  }

  /** One line of at most {@link KnownNames#MAX_NAME_LENGTH} characters. */
  private static String name(String text) {
    return EventSummaries.oneLine(text, KnownNames.MAX_NAME_LENGTH);
  }
}
