package dev.switchboard.trace;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the console's goal page shows, worked out from the journal view: each entry as a timeline
 * row (its stage, time from the start, and what it took), the links out, and the approvals.
 *
 * @param traceLink the goal's trace in Jaeger; null without a Jaeger URL or a trace id
 */
record GoalPageModel(
    GoalJournalView goal,
    Instant start,
    List<TimelineRow> rows,
    List<ApprovalRow> approvals,
    String traceLink,
    boolean jaegerConfigured) {

  /**
   * @param stage plan, verdict, action, result, escalation, resolution, handoff, outcome or goal
   * @param took what the step took: a verdict since its plan, a result since its request, a
   *     resolution since its escalation; null for others
   * @param inboxLink the escalation's inbox item, for escalations and their resolutions
   */
  record TimelineRow(JournalEntry entry, String stage, Duration took, String inboxLink) {}

  /** An approval asked of people, with who answered and when. */
  record ApprovalRow(GoalTimeline.PersonWait request, Duration waited, String inboxLink) {}

  static GoalPageModel of(GoalJournalView goal, ConsoleLinks links, Instant now) {
    Map<String, GoalTimeline.Step> steps = new HashMap<>();
    goal.steps().forEach(step -> steps.put(step.actionId(), step));
    Map<String, GoalTimeline.PersonWait> waits = new HashMap<>();
    goal.waits().forEach(wait -> waits.put(wait.escalationId(), wait));
    Instant start =
        goal.submittedAt() != null
            ? goal.submittedAt()
            : goal.events().isEmpty() ? null : goal.events().getFirst().occurredAt();
    List<TimelineRow> rows =
        goal.events().stream()
            .map(
                entry ->
                    new TimelineRow(
                        entry,
                        stageOf(entry),
                        took(entry, steps, waits),
                        entry.escalationId() == null
                            ? null
                            : links.inboxItem(entry.escalationId())))
            .toList();
    List<ApprovalRow> approvals =
        goal.waits().stream()
            .filter(wait -> wait.kind() == GoalTimeline.PersonWait.Kind.APPROVAL)
            .map(
                wait ->
                    new ApprovalRow(wait, wait.waited(now), links.inboxItem(wait.escalationId())))
            .toList();
    return new GoalPageModel(
        goal, start, rows, approvals, links.trace(goal.traceId()), links.jaegerConfigured());
  }

  static String stageOf(JournalEntry entry) {
    return switch (entry.topic()) {
      case "goals" -> "goal";
      case "plan" -> entry.type().equals("HandoffProposed") ? "handoff" : "plan";
      case "verdict" -> "verdict";
      case "action-request" -> "action";
      case "action-result" -> "result";
      case "escalation" -> entry.type().equals("HandoffRequested") ? "handoff" : "escalation";
      case "resolution" -> entry.type().equals("Reassigned") ? "handoff" : "resolution";
      case "outcome" -> "outcome";
      default -> entry.topic();
    };
  }

  private static Duration took(
      JournalEntry entry,
      Map<String, GoalTimeline.Step> steps,
      Map<String, GoalTimeline.PersonWait> waits) {
    GoalTimeline.Step step = entry.actionId() == null ? null : steps.get(entry.actionId());
    Instant from =
        switch (entry.topic()) {
          case "verdict" -> step == null ? null : step.proposedAt();
          case "action-result" -> step == null ? null : step.requestedAt();
          case "resolution" -> {
            GoalTimeline.PersonWait wait =
                entry.escalationId() == null ? null : waits.get(entry.escalationId());
            yield wait == null ? null : wait.requestedAt();
          }
          default -> null;
        };
    return from == null || entry.occurredAt().isBefore(from)
        ? null
        : Duration.between(from, entry.occurredAt());
  }
}
