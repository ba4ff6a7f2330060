package dev.switchboard.trace;

import static dev.switchboard.trace.DemoGoal.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.event.EscalationEvent.HandoffRequested;
import dev.switchboard.contracts.event.EscalationEvent.QuestionAsked;
import dev.switchboard.contracts.event.ResolutionEvent.Answered;
import dev.switchboard.contracts.event.ResolutionEvent.Denied;
import dev.switchboard.contracts.event.ResolutionEvent.Reassigned;
import dev.switchboard.contracts.event.ResolutionEvent.TakenOver;
import dev.switchboard.contracts.event.SwitchboardEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who held a goal, each step, each wait for people: read back from the journal's entries. */
class GoalTimelineTest {
  private final JournalKeeper keeper = new JournalKeeper(1000);
  private final DemoGoal goal = DemoGoal.random();

  @Test
  void shouldHandTheGoalFromItsAgentToTheApproversAndBack() {
    GoalTimeline timeline = timelineOf(walkingSkeleton());

    assertThat(timeline.holders())
        .containsExactly(
            new Holding(Holding.Kind.AGENT, "demo", at(0), at(5)),
            new Holding(Holding.Kind.QUEUE, "human:approvers", at(5), at(8)),
            new Holding(Holding.Kind.AGENT, "demo", at(8), at(11)));
    assertThat(timeline.endedAt()).isEqualTo(at(11));
    assertThat(timeline.holder()).as("nobody holds an ended goal").isNull();
  }

  @Test
  void shouldSayWhoApprovedWhenAndHowLongPeopleTook() {
    GoalTimeline timeline = timelineOf(walkingSkeleton());

    assertThat(timeline.approvals())
        .singleElement()
        .satisfies(
            approval -> {
              assertThat(approval.escalationId()).isEqualTo(goal.approvalId());
              assertThat(approval.tool()).isEqualTo("demo.send");
              assertThat(approval.queue()).isEqualTo("human:approvers");
              assertThat(approval.policy()).isEqualTo("outbound-communication");
              assertThat(approval.requestedAt()).isEqualTo(at(5));
              assertThat(approval.resolution()).isEqualTo("Approved");
              assertThat(approval.resolvedBy()).isEqualTo("local-operator");
              assertThat(approval.resolvedAt()).isEqualTo(at(8));
              assertThat(approval.waited(at(100))).isEqualTo(Duration.ofSeconds(3));
            });
    assertThat(timeline.waitedForPeople(at(100))).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void shouldFollowEachStepFromPlanThroughVerdictToResult() {
    GoalTimeline timeline = timelineOf(walkingSkeleton());

    assertThat(timeline.steps())
        .extracting(
            GoalTimeline.Step::tool,
            GoalTimeline.Step::verdict,
            GoalTimeline.Step::policy,
            GoalTimeline.Step::approvedBy,
            GoalTimeline.Step::result,
            GoalTimeline.Step::took)
        .containsExactly(
            tuple(
                "demo.lookup",
                "ActionAllowed",
                "read-only-tools",
                null,
                "ActionSucceeded",
                Duration.ofSeconds(3)),
            tuple(
                "demo.send",
                "ActionEscalated",
                "outbound-communication",
                "local-operator",
                "ActionSucceeded",
                Duration.ofSeconds(6)));
  }

  @Test
  void shouldCountAnOpenWaitUpToNowAndShowWhoHoldsTheGoal() {
    GoalTimeline timeline =
        timelineOf(
            goal.submitted(0),
            goal.sendProposed(1),
            goal.sendEscalated(2),
            goal.approvalRequested(2));

    assertThat(timeline.holder())
        .isEqualTo(new Holding(Holding.Kind.QUEUE, "human:approvers", at(2), null));
    assertThat(timeline.approvals()).singleElement().satisfies(w -> assertThat(w.open()).isTrue());
    assertThat(timeline.waitedForPeople(at(62))).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void shouldNameTheQueueOnceTheEscalationFollowsItsVerdict() {
    GoalTimeline beforeQueue = timelineOf(goal.submitted(0), goal.sendEscalated(2));
    GoalTimeline withQueue =
        timelineOf(goal.submitted(0), goal.sendEscalated(2), goal.approvalRequested(3));

    assertThat(beforeQueue.holder()).isEqualTo(new Holding(Holding.Kind.QUEUE, null, at(2), null));
    assertThat(withQueue.holders())
        .containsExactly(
            new Holding(Holding.Kind.AGENT, "demo", at(0), at(2)),
            new Holding(Holding.Kind.QUEUE, "human:approvers", at(2), null));
  }

  @Test
  void shouldRecordADenialWithWhoDenied() {
    Denied denied =
        new Denied(
            goal.goalId, UUID.randomUUID(), null, at(9), goal.approvalId(), "ann", "not now");

    GoalTimeline timeline =
        timelineOf(goal.submitted(0), goal.sendProposed(1), goal.approvalRequested(4), denied);

    assertThat(timeline.approvals())
        .singleElement()
        .satisfies(
            approval -> {
              assertThat(approval.resolution()).isEqualTo("Denied");
              assertThat(approval.resolvedBy()).isEqualTo("ann");
              assertThat(approval.waited(at(100))).isEqualTo(Duration.ofSeconds(5));
            });
    assertThat(timeline.holder()).isEqualTo(new Holding(Holding.Kind.AGENT, "demo", at(9), null));
  }

  @Test
  void shouldFollowAHandoffToAnotherAgentAndAPersonTakingOver() {
    HandoffRequested handoff =
        new HandoffRequested(
            goal.goalId,
            UUID.randomUUID(),
            null,
            at(2),
            "h-1",
            "human:dispatch",
            "demo",
            "agent:billing",
            "billing question",
            "summary");
    Reassigned reassigned =
        new Reassigned(goal.goalId, UUID.randomUUID(), null, at(4), "h-1", "bob", "agent:billing");
    QuestionAsked question =
        new QuestionAsked(
            goal.goalId, UUID.randomUUID(), null, at(6), "q-1", "human:sales", "billing", "?");
    TakenOver takenOver =
        new TakenOver(goal.goalId, UUID.randomUUID(), null, at(9), "q-1", "carol", "done by hand");

    GoalTimeline timeline = timelineOf(goal.submitted(0), handoff, reassigned, question, takenOver);

    assertThat(timeline.holders())
        .containsExactly(
            new Holding(Holding.Kind.AGENT, "demo", at(0), at(2)),
            new Holding(Holding.Kind.QUEUE, "human:dispatch", at(2), at(4)),
            new Holding(Holding.Kind.AGENT, "billing", at(4), at(6)),
            new Holding(Holding.Kind.QUEUE, "human:sales", at(6), at(9)),
            new Holding(Holding.Kind.PERSON, "carol", at(9), null));
    assertThat(timeline.waits())
        .extracting(
            GoalTimeline.PersonWait::kind,
            GoalTimeline.PersonWait::resolution,
            GoalTimeline.PersonWait::resolvedBy)
        .containsExactly(
            tuple(GoalTimeline.PersonWait.Kind.HANDOFF, "Reassigned", "bob"),
            tuple(GoalTimeline.PersonWait.Kind.QUESTION, "TakenOver", "carol"));
  }

  @Test
  void shouldTellTheSameStoryWhenTopicsArriveOutOfOrder() {
    List<SwitchboardEvent> inOrder = walkingSkeleton();
    List<SwitchboardEvent> shuffled =
        List.of(
            inOrder.get(8),
            inOrder.get(3),
            inOrder.get(11),
            inOrder.get(0),
            inOrder.get(6),
            inOrder.get(1),
            inOrder.get(9),
            inOrder.get(4),
            inOrder.get(2),
            inOrder.get(10),
            inOrder.get(7),
            inOrder.get(5));

    assertThat(timelineOf(shuffled.toArray(SwitchboardEvent[]::new)))
        .isEqualTo(timelineOf(inOrder.toArray(SwitchboardEvent[]::new)));
  }

  @Test
  void shouldAnswerAQuestionAndCountItsWait() {
    QuestionAsked question =
        new QuestionAsked(
            goal.goalId, UUID.randomUUID(), null, at(1), "q-1", "human:sales", "demo", "Which?");
    Answered answered =
        new Answered(goal.goalId, UUID.randomUUID(), null, at(31), "q-1", "ann", "blue");

    GoalTimeline timeline = timelineOf(goal.submitted(0), question, answered);

    assertThat(timeline.waits())
        .singleElement()
        .satisfies(
            wait -> {
              assertThat(wait.kind()).isEqualTo(GoalTimeline.PersonWait.Kind.QUESTION);
              assertThat(wait.waited(at(100))).isEqualTo(Duration.ofSeconds(30));
            });
    assertThat(timeline.approvals()).isEmpty();
  }

  @Test
  void shouldSumTheUsageEntriesReport() {
    JournalEntry first = entryWithUsage(new Usage(100, 20, new BigDecimal("0.010"), "USD"));
    JournalEntry second = entryWithUsage(new Usage(50, 5, new BigDecimal("0.002"), "USD"));
    JournalEntry noPrice = entryWithUsage(new Usage(1, 1, null, null));

    assertThat(GoalTimeline.of(List.of(first, second)).usage())
        .isEqualTo(new Usage(150, 25, new BigDecimal("0.012"), "USD"));
    assertThat(GoalTimeline.of(List.of(first, noPrice)).usage())
        .as("a cost cannot be summed with an unknown one")
        .isEqualTo(new Usage(101, 21, null, null));
    assertThat(GoalTimeline.of(List.of()).usage()).isNull();
  }

  private static JournalEntry entryWithUsage(Usage usage) {
    return new JournalEntry(
        "plan",
        "StepsProposed",
        UUID.randomUUID(),
        null,
        at(1),
        "propose demo.lookup",
        1,
        List.of(new ActionRef("a-1", "demo.lookup")),
        "demo",
        null,
        null,
        null,
        null,
        null,
        usage);
  }

  private List<SwitchboardEvent> walkingSkeleton() {
    return List.of(
        goal.submitted(0),
        goal.lookupProposed(1),
        goal.lookupAllowed(2),
        goal.lookupRequested(2),
        goal.lookupSucceeded(4),
        goal.sendProposed(4),
        goal.sendEscalated(5),
        goal.approvalRequested(5),
        goal.approved(8),
        goal.sendRequested(9),
        goal.sendSucceeded(10),
        goal.completed(11));
  }

  private GoalTimeline timelineOf(List<SwitchboardEvent> events) {
    return timelineOf(events.toArray(SwitchboardEvent[]::new));
  }

  private GoalTimeline timelineOf(SwitchboardEvent... events) {
    Journal journal = null;
    for (SwitchboardEvent event : events) {
      journal = keeper.decide(journal, event).state();
    }
    return GoalTimeline.of(journal.entries());
  }

  private static org.assertj.core.groups.Tuple tuple(Object... values) {
    return org.assertj.core.groups.Tuple.tuple(values);
  }
}
