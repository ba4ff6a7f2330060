package dev.switchboard.trace;

import static dev.switchboard.trace.DemoGoal.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.event.ActionResultEvent.ActionOutcomeUnknown;
import dev.switchboard.contracts.event.EscalationEvent.HandoffRequested;
import dev.switchboard.contracts.event.EscalationEvent.ResolutionRefused;
import dev.switchboard.contracts.event.PlanEvent.GoalFinishing;
import dev.switchboard.contracts.event.PlanEvent.HandoffProposed;
import dev.switchboard.contracts.event.PlanEvent.QuestionProposed;
import dev.switchboard.contracts.event.PlanEvent.StepsProposed;
import dev.switchboard.contracts.event.PlannedAction;
import dev.switchboard.contracts.event.ResolutionEvent.Denied;
import dev.switchboard.contracts.event.ResolutionEvent.Expired;
import dev.switchboard.contracts.event.ResolutionEvent.TakenOver;
import dev.switchboard.contracts.event.SwitchboardEvent;
import dev.switchboard.contracts.event.VerdictEvent.ActionAllowed;
import dev.switchboard.contracts.event.VerdictEvent.ActionDenied;
import dev.switchboard.contracts.event.VerdictEvent.Audit;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EventSummariesTest {
  private final DemoGoal goal = DemoGoal.random();
  private final KnownNames names =
      KnownNames.none()
          .withTool(goal.lookupId(), "demo.lookup")
          .withTool(goal.sendId(), "demo.send");

  @Test
  void shouldSayWhatTheGuardrailDecidedAboutWhichTool() {
    ActionDenied denied =
        new ActionDenied(
            goal.goalId, id(), null, at(1), "x/step-9", "known-tools", "tool 'rm' is not allowed");

    assertThat(summary(goal.lookupAllowed(1))).isEqualTo("allowed demo.lookup (read-only-tools)");
    assertThat(summary(denied))
        .as("an action no event named yet goes by its id")
        .isEqualTo("denied x/step-9 (known-tools): tool 'rm' is not allowed");
  }

  @Test
  void shouldNameThePolicyDocumentAndVersionFromTheAuditRecord() {
    Audit audit =
        new Audit(
            "switchboard-default",
            "1+0123456789ab",
            "read-only-tools",
            "the tool only reads",
            "f".repeat(64),
            null,
            null,
            "demo.lookup",
            "demo",
            "acme");
    ActionAllowed allowed =
        new ActionAllowed(
            goal.goalId, id(), null, at(1), goal.lookupId(), "read-only-tools", audit);

    assertThat(summary(allowed))
        .isEqualTo("allowed demo.lookup (read-only-tools of switchboard-default 1+0123456789ab)");
  }

  @Test
  void shouldSayHowActionsEnded() {
    ActionOutcomeUnknown unknown =
        new ActionOutcomeUnknown(
            goal.goalId, id(), null, at(1), goal.sendId(), "demo.send", "timed out");

    assertThat(summary(goal.lookupSucceeded(1))).isEqualTo("demo.lookup succeeded");
    assertThat(summary(goal.sendFailed(1))).isEqualTo("demo.send failed: mailbox full");
    assertThat(summary(unknown)).isEqualTo("demo.send outcome unknown: timed out");
  }

  @Test
  void shouldSummarizePlansHandoffsAndQuestions() {
    assertThat(
            summary(
                new HandoffProposed(
                    goal.goalId, id(), null, at(1), "demo", "human:sales", "stuck", "context")))
        .isEqualTo("propose handoff to human:sales: stuck");
    assertThat(
            summary(
                new QuestionProposed(
                    goal.goalId, id(), null, at(1), "demo", "human:sales", "Which account?")))
        .isEqualTo("propose a question for human:sales");
    assertThat(summary(new GoalFinishing(goal.goalId, id(), null, at(1), "all done")))
        .isEqualTo("finishing: all done");
    assertThat(
            summary(
                new HandoffRequested(
                    goal.goalId,
                    id(),
                    null,
                    at(1),
                    "h-1",
                    "human:sales",
                    "demo",
                    "agent:billing",
                    "needs billing",
                    "context")))
        .isEqualTo("handoff to agent:billing requested from human:sales: needs billing");
  }

  @Test
  void shouldNameWhoResolvedAnEscalation() {
    assertThat(summary(goal.approved(1))).isEqualTo("approved by local-operator");
    assertThat(summary(new Denied(goal.goalId, id(), null, at(1), "e-1", "ann", "wrong customer")))
        .isEqualTo("denied by ann: wrong customer");
    assertThat(summary(new TakenOver(goal.goalId, id(), null, at(1), "e-1", "ann", "done")))
        .isEqualTo("taken over by ann");
    assertThat(
            summary(new Expired(goal.goalId, id(), null, at(1), "e-1", "system:sla", "no answer")))
        .isEqualTo("expired: no answer");
    assertThat(
            summary(
                new ResolutionRefused(
                    goal.goalId,
                    id(),
                    id(),
                    at(2),
                    "e-1",
                    "human:approvers",
                    "ann",
                    "Approved",
                    "four-eyes: 'ann' asked for this goal")))
        .isEqualTo("Approved by ann refused, waiting again: four-eyes: 'ann' asked for this goal");
  }

  @Test
  void shouldSayHowTheGoalEnded() {
    assertThat(summary(goal.completed(1))).isEqualTo("completed: told ACME about the new pricing");
    assertThat(summary(goal.failed(1))).isEqualTo("failed: could not tell ACME (mailbox full)");
    assertThat(summary(goal.cancelled(1))).isEqualTo("cancelled: cancelled by its submitter");
  }

  @Test
  void shouldListAtMostFiveToolsOfAPlan() {
    List<PlannedAction> actions =
        IntStream.rangeClosed(1, 7)
            .mapToObj(n -> new PlannedAction("a" + n, "tool" + n, null, List.of(), false, null))
            .toList();

    assertThat(summary(new StepsProposed(goal.goalId, id(), null, at(1), "demo", actions)))
        .isEqualTo("propose tool1, tool2, tool3, tool4, tool5 and 2 more");
  }

  @Test
  void shouldKeepEverySummaryOnOneShortLine() {
    String longReason = "line one\nline\ttwo " + "x".repeat(500);

    String summary =
        summary(new ActionDenied(goal.goalId, id(), null, at(1), goal.sendId(), "p", longReason));

    assertThat(summary).hasSize(EventSummaries.MAX_SUMMARY_LENGTH).endsWith("…");
    assertThat(summary).startsWith("denied demo.send (p): line one line two xxx");
  }

  @Test
  void shouldNotSplitACharacterWhenShortening() {
    String text = "ab" + "😀".repeat(3);

    assertThat(EventSummaries.shortened(text, 4)).isEqualTo("ab…");
    assertThat(EventSummaries.shortened(text, 5)).isEqualTo("ab😀…");
    assertThat(EventSummaries.shortened("short", 10)).isEqualTo("short");
  }

  private String summary(SwitchboardEvent event) {
    return EventSummaries.of(event, names);
  }

  private static UUID id() {
    return UUID.randomUUID();
  }
}
