package dev.switchboard.trace;

import static dev.switchboard.trace.DemoGoal.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.GoalStatus;
import dev.switchboard.contracts.Service;
import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.event.EscalationEvent.HandoffRequested;
import dev.switchboard.contracts.event.EscalationEvent.QuestionAsked;
import dev.switchboard.contracts.event.GoalEvent;
import dev.switchboard.contracts.event.HandoffContext;
import dev.switchboard.contracts.event.ModelUsage;
import dev.switchboard.contracts.event.PlanEvent.HandoffProposed;
import dev.switchboard.contracts.event.PlanEvent.StepsProposed;
import dev.switchboard.contracts.event.ResolutionEvent.Answered;
import dev.switchboard.contracts.event.ResolutionEvent.Edited;
import dev.switchboard.contracts.event.ResolutionEvent.Reassigned;
import dev.switchboard.contracts.event.SwitchboardEvent;
import dev.switchboard.edge.Decision;
import dev.switchboard.edge.EventContext;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

class JournalKeeperTest {
  private final JournalKeeper keeper = new JournalKeeper(1000);
  private final DemoGoal goal = DemoGoal.random();

  @Test
  void shouldReadEveryTopicAndWriteNone() {
    Decision<Journal> decision = keeper.decide(null, goal.submitted(0));

    assertThat(keeper.service()).isEqualTo(Service.TRACE);
    assertThat(keeper.inputs()).containsExactlyElementsOf(Topics.ALL);
    assertThat(Topics.writtenBy(keeper.service())).isEmpty();
    assertThat(decision.emit()).isEmpty();
  }

  @Test
  void shouldEndTheGoalWithItsOutcomeKeepingTheWholeJournal() {
    Journal running = keeper.decide(null, goal.submitted(0)).state();
    running = keeper.decide(running, goal.lookupProposed(1)).state();

    Decision<Journal> decision = keeper.decide(running, goal.completed(2));

    assertThat(decision.ended()).isTrue();
    assertThat(decision.state().status()).isEqualTo(GoalStatus.COMPLETED);
    assertThat(decision.state().entries()).hasSize(3);
  }

  @Test
  void shouldNotEndTheGoalBeforeItsOutcome() {
    Decision<Journal> submitted = keeper.decide(null, goal.submitted(0));
    Decision<Journal> proposed = keeper.decide(submitted.state(), goal.lookupProposed(1));

    assertThat(submitted.ended()).isFalse();
    assertThat(proposed.ended()).isFalse();
  }

  @Test
  void shouldOpenARunningJournalWhenTheGoalIsSubmitted() {
    Journal journal = keeper.decide(null, goal.submitted(0)).state();

    assertThat(journal.goalId()).isEqualTo(goal.goalId);
    assertThat(journal.status()).isEqualTo(GoalStatus.RUNNING);
    assertThat(journal.agent()).isEqualTo("demo");
    assertThat(journal.description()).isEqualTo("Tell ACME");
    assertThat(journal.submittedAt()).isEqualTo(at(0));
    assertThat(journal.updatedAt()).isEqualTo(at(0));
    assertThat(journal.entries())
        .singleElement()
        .satisfies(
            entry -> {
              assertThat(entry.topic()).isEqualTo("goals");
              assertThat(entry.type()).isEqualTo("GoalSubmitted");
              assertThat(entry.causationId()).isNull();
              assertThat(entry.occurredAt()).isEqualTo(at(0));
              assertThat(entry.summary()).isEqualTo("goal submitted for agent demo");
            });
  }

  @Test
  void shouldTellTheWalkingSkeletonInReadableLines() {
    Journal journal =
        fold(
            goal.submitted(0),
            goal.lookupProposed(1),
            goal.lookupAllowed(2),
            goal.lookupRequested(2),
            goal.lookupSucceeded(3),
            goal.sendProposed(4),
            goal.sendEscalated(5),
            goal.approvalRequested(5),
            goal.approved(6),
            goal.sendRequested(7),
            goal.sendSucceeded(8),
            goal.completed(9));

    assertThat(journal.entries())
        .extracting(JournalEntry::topic, JournalEntry::summary)
        .containsExactly(
            tuple("goals", "goal submitted for agent demo"),
            tuple("plan", "propose demo.lookup"),
            tuple("verdict", "allowed demo.lookup (read-only-tools)"),
            tuple("action-request", "requested demo.lookup"),
            tuple("action-result", "demo.lookup succeeded"),
            tuple("plan", "propose demo.send"),
            tuple(
                "verdict",
                "escalated demo.send (outbound-communication): outbound mail needs a person"),
            tuple("escalation", "approval requested for demo.send from human:approvers"),
            tuple("resolution", "approved by local-operator"),
            tuple("action-request", "requested demo.send (approved by local-operator)"),
            tuple("action-result", "demo.send succeeded"),
            tuple("outcome", "completed: told ACME about the new pricing"));
    assertThat(journal.status()).isEqualTo(GoalStatus.COMPLETED);
    assertThat(journal.updatedAt()).isEqualTo(at(9));
  }

  @Test
  void shouldNameTheQueueOfAnEscalationWhoseRequestCameFirst() {
    Journal journal = fold(goal.sendProposed(0), goal.approvalRequested(1), goal.sendEscalated(1));

    assertThat(journal.entries())
        .extracting(JournalEntry::summary)
        .contains("escalated demo.send to human:approvers: outbound mail needs a person");
  }

  @Test
  void shouldWaitForAHumanOnEscalationAndRunAgainOnResolution() {
    Journal waiting = fold(goal.submitted(0), goal.sendProposed(1), goal.sendEscalated(2));
    Journal stillWaiting = apply(waiting, goal.approvalRequested(2));
    Journal resumed = apply(stillWaiting, goal.approved(3));
    Journal requested = fold(goal.submitted(0), goal.sendEscalated(1), goal.sendRequested(2));

    assertThat(waiting.status()).isEqualTo(GoalStatus.WAITING_FOR_HUMAN);
    assertThat(stillWaiting.status()).isEqualTo(GoalStatus.WAITING_FOR_HUMAN);
    assertThat(resumed.status()).isEqualTo(GoalStatus.RUNNING);
    assertThat(requested.status()).isEqualTo(GoalStatus.RUNNING);
  }

  @Test
  void shouldWaitForAHumanOnQuestionsAndHandoffs() {
    QuestionAsked question =
        new QuestionAsked(
            goal.goalId, UUID.randomUUID(), null, at(1), "q-1", "human:sales", "demo", "Which?");
    Answered answer =
        new Answered(
            goal.goalId,
            UUID.randomUUID(),
            null,
            at(2),
            "q-1",
            "ann",
            "the blue one " + DemoGoal.SECRET);

    Journal asked = fold(goal.submitted(0), question);
    Journal answered = apply(asked, answer);

    assertThat(asked.status()).isEqualTo(GoalStatus.WAITING_FOR_HUMAN);
    assertThat(answered.status()).isEqualTo(GoalStatus.RUNNING);
    assertThat(answered.entries())
        .extracting(JournalEntry::summary)
        .containsExactly(
            "goal submitted for agent demo", "question asked in human:sales", "answered by ann");
  }

  @Test
  void shouldEndAsTheOutcomeSays() {
    assertThat(fold(goal.submitted(0), goal.completed(1)).status()).isEqualTo(GoalStatus.COMPLETED);
    assertThat(fold(goal.submitted(0), goal.failed(1)).status()).isEqualTo(GoalStatus.FAILED);
    assertThat(fold(goal.submitted(0), goal.cancelled(1)).status()).isEqualTo(GoalStatus.CANCELLED);
  }

  @Test
  void shouldNotCancelBeforeThePlannerConfirms() {
    GoalEvent.GoalCancelled request =
        new GoalEvent.GoalCancelled(goal.goalId, UUID.randomUUID(), null, at(1), "stop", "ann");

    Journal journal = fold(goal.submitted(0), goal.sendEscalated(1), request);

    assertThat(journal.status()).isEqualTo(GoalStatus.WAITING_FOR_HUMAN);
    assertThat(journal.entries())
        .last()
        .extracting(JournalEntry::topic, JournalEntry::summary)
        .containsExactly("goals", "cancellation requested by ann: stop");
  }

  @Test
  void shouldKeepAGoalsOutcomeReadBeforeItsOtherEventsAndFoldThemInAfterIt() {
    Decision<Journal> outcomeFirst = keeper.decide(null, goal.completed(3));
    assertThat(outcomeFirst.ended()).isTrue();

    Journal journal = outcomeFirst.state();
    for (SwitchboardEvent event :
        List.of(
            goal.submitted(0),
            goal.lookupProposed(1),
            goal.lookupRequested(2),
            goal.lookupSucceeded(2))) {
      journal = apply(journal, event);
    }

    assertThat(journal.status()).isEqualTo(GoalStatus.COMPLETED);
    assertThat(journal.entries()).hasSize(5);
    assertThat(journal.agent()).isEqualTo("demo");
    assertThat(fold(goal.sendEscalated(0), goal.completed(1)).status())
        .isEqualTo(GoalStatus.COMPLETED);
  }

  @Test
  void shouldNeverLeaveATerminalStatus() {
    Journal journal =
        fold(
            goal.submitted(0),
            goal.failed(1),
            goal.sendEscalated(2),
            goal.approved(3),
            goal.sendRequested(4),
            goal.completed(5),
            goal.submitted(6));

    assertThat(journal.status()).isEqualTo(GoalStatus.FAILED);
    assertThat(journal.entries()).hasSize(7);
  }

  @Test
  void shouldNotLetAnOlderEventArrivingLateUndoANewerStatus() {
    Journal journal = fold(goal.submitted(0), goal.approved(6), goal.approvalRequested(5));

    assertThat(journal.status()).isEqualTo(GoalStatus.RUNNING);
  }

  @Test
  void shouldLetTheGoalsEndWinEvenWhenItArrivesEarly() {
    Journal journal = fold(goal.submitted(0), goal.sendEscalated(9), goal.completed(8));

    assertThat(journal.status()).isEqualTo(GoalStatus.COMPLETED);
  }

  @Test
  void shouldKeepEntriesInOccurrenceOrderWhenTopicsArriveOutOfOrder() {
    SwitchboardEvent allowed = goal.lookupAllowed(2);
    SwitchboardEvent requested = goal.lookupRequested(2);

    Journal journal =
        fold(
            goal.lookupProposed(1), requested, goal.lookupSucceeded(3), goal.submitted(0), allowed);

    assertThat(journal.entries())
        .extracting(JournalEntry::occurredAt)
        .containsExactly(at(0), at(1), at(2), at(2), at(3));
    assertThat(journal.entries())
        .extracting(JournalEntry::eventId)
        .element(2)
        .as("equal instants keep their arrival order")
        .isEqualTo(requested.eventId());
    assertThat(journal.updatedAt()).isEqualTo(at(3));
  }

  @Test
  void shouldJournalEventsOfAGoalWhoseSubmissionItHasNotSeen() {
    Journal before = fold(goal.lookupProposed(1), goal.lookupAllowed(2));
    Journal after = apply(before, goal.submitted(0));

    assertThat(before.status()).isEqualTo(GoalStatus.RUNNING);
    assertThat(before.description()).isNull();
    assertThat(before.submittedAt()).isNull();
    assertThat(before.agent()).as("named by the plan").isEqualTo("demo");
    assertThat(before.entries()).hasSize(2);
    assertThat(after.description()).isEqualTo("Tell ACME");
    assertThat(after.submittedAt()).isEqualTo(at(0));
    assertThat(after.entries()).extracting(JournalEntry::type).first().isEqualTo("GoalSubmitted");
  }

  @Test
  void shouldTakeTheAgentFromThePlanWhenSubmittedForTheDefaultAgent() {
    GoalEvent.GoalSubmitted forDefault =
        new GoalEvent.GoalSubmitted(
            goal.goalId, UUID.randomUUID(), null, at(0), null, "Tell ACME", null);

    Journal submitted = fold(forDefault);
    Journal planned = apply(submitted, goal.lookupProposed(1));

    assertThat(submitted.agent()).isNull();
    assertThat(submitted.entries())
        .extracting(JournalEntry::summary)
        .containsExactly("goal submitted for the default agent");
    assertThat(planned.agent()).isEqualTo("demo");
  }

  @Test
  void shouldFollowTheGoalToTheAgentItIsReassignedTo() {
    Reassigned reassigned =
        new Reassigned(
            goal.goalId, UUID.randomUUID(), null, at(2), "h-1", "system", "agent:billing");

    Journal journal = fold(goal.submitted(0), reassigned);

    assertThat(journal.agent()).isEqualTo("billing");
    assertThat(journal.entries())
        .last()
        .extracting(JournalEntry::summary)
        .isEqualTo("reassigned to agent:billing by system");
  }

  @Test
  void shouldJournalAnEventSeenTwiceOnce() {
    StepsProposed proposed = goal.lookupProposed(1);
    Journal once = fold(goal.submitted(0), proposed);

    Journal twice = apply(once, proposed);

    assertThat(twice).isEqualTo(once);
  }

  @Test
  void shouldDropTheOldestEntriesButTheFirstBeyondTheCap() {
    JournalKeeper smallKeeper = new JournalKeeper(3);
    Journal journal = null;
    for (SwitchboardEvent event :
        List.of(
            goal.submitted(0),
            goal.lookupProposed(1),
            goal.lookupAllowed(2),
            goal.lookupRequested(3),
            goal.lookupSucceeded(4))) {
      journal = smallKeeper.decide(journal, event).state();
    }

    assertThat(journal.entries())
        .extracting(JournalEntry::type)
        .containsExactly("GoalSubmitted", "ActionRequested", "ActionSucceeded");
    assertThat(journal.droppedEntries()).isEqualTo(2);
  }

  @Test
  void shouldKeepArgumentsOutputsSignaturesAndCommentsOutOfTheJournal() {
    Edited edited =
        new Edited(
            goal.goalId,
            UUID.randomUUID(),
            null,
            at(7),
            goal.approvalId(),
            "ann",
            JsonNodeFactory.instance.objectNode().put("body", DemoGoal.SECRET));
    Journal journal =
        fold(
            goal.submitted(0),
            goal.lookupProposed(1),
            goal.lookupRequested(2),
            goal.lookupSucceeded(3),
            goal.sendProposed(4),
            goal.approvalRequested(5),
            goal.approved(6),
            edited,
            goal.sendRequested(8),
            goal.sendSucceeded(9),
            goal.completed(10));

    assertThat(journal.entries()).hasSize(11);
    assertThat(journal.toString()).doesNotContain(DemoGoal.SECRET);
  }

  @Test
  void shouldNumberEachNewEventAndTakeTheNumberAsTheVersion() {
    StepsProposed proposed = goal.lookupProposed(2);
    Journal journal = fold(goal.lookupAllowed(3), proposed, goal.submitted(0));
    Journal again = apply(journal, proposed);

    assertThat(journal.version()).isEqualTo(3);
    assertThat(journal.entries())
        .extracting(JournalEntry::type, JournalEntry::seq)
        .containsExactly(
            tuple("GoalSubmitted", 3L), tuple("StepsProposed", 2L), tuple("ActionAllowed", 1L));
    assertThat(journal.entriesAfter(1))
        .extracting(JournalEntry::type)
        .containsExactly("GoalSubmitted", "StepsProposed");
    assertThat(again.version()).as("a duplicate is no new version").isEqualTo(3);
  }

  @Test
  void shouldTakeTheTraceIdFromTheFirstRecordThatCarriesOne() {
    String first = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    String other = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    Journal untraced = keeper.decide(null, goal.submitted(0), EventContext.none()).state();
    Journal traced =
        keeper.decide(untraced, goal.lookupProposed(1), new EventContext(first)).state();
    Journal later = keeper.decide(traced, goal.lookupAllowed(2), new EventContext(other)).state();

    assertThat(untraced.traceId()).isNull();
    assertThat(traced.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(later.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
  }

  @Test
  void shouldIgnoreATraceparentThatIsNotOne() {
    Journal journal =
        keeper
            .decide(
                null,
                goal.submitted(0),
                new EventContext("00-" + "0".repeat(32) + "-00f067aa0ba902b7-01"))
            .state();

    assertThat(journal.traceId()).isNull();
  }

  @Test
  void shouldNameToolsPoliciesQueuesAndPeopleOnEntries() {
    Journal journal =
        fold(
            goal.submitted(0),
            goal.sendProposed(1),
            goal.sendEscalated(2),
            goal.approvalRequested(2),
            goal.approved(3),
            goal.sendRequested(4),
            goal.sendSucceeded(5));

    assertThat(journal.entries())
        .extracting(
            JournalEntry::type,
            JournalEntry::tool,
            JournalEntry::policy,
            JournalEntry::escalationId,
            JournalEntry::queue,
            JournalEntry::actor)
        .containsExactly(
            tuple("GoalSubmitted", null, null, null, null, null),
            tuple("StepsProposed", "demo.send", null, null, null, null),
            tuple(
                "ActionEscalated",
                "demo.send",
                "outbound-communication",
                goal.approvalId(),
                null,
                null),
            tuple(
                "ApprovalRequested",
                "demo.send",
                "outbound-communication",
                goal.approvalId(),
                "human:approvers",
                null),
            tuple("Approved", null, null, goal.approvalId(), null, "local-operator"),
            tuple("ActionRequested", "demo.send", null, null, null, "local-operator"),
            tuple("ActionSucceeded", "demo.send", null, null, null, null));
    assertThat(journal.entries().get(1).agent()).isEqualTo("demo");
    assertThat(journal.entries().get(1).actions())
        .containsExactly(new ActionRef(goal.sendId(), "demo.send"));
  }

  @Test
  void shouldKeepTheHeadUpToDate() {
    Journal waiting =
        fold(
            goal.submitted(0),
            goal.lookupProposed(1),
            goal.lookupSucceeded(2),
            goal.sendProposed(3),
            goal.approvalRequested(4));
    Journal done = apply(apply(waiting, goal.approved(6)), goal.completed(7));

    assertThat(waiting.steps()).isEqualTo(2);
    assertThat(waiting.holder())
        .isEqualTo(new Holding(Holding.Kind.QUEUE, "human:approvers", at(4), null));
    assertThat(done.holder()).isNull();
    assertThat(done.usage()).isNull();
  }

  @Test
  void shouldSumTheModelUsageThePlannersEventsReport() {
    StepsProposed lookup = goal.lookupProposed(1);
    ModelUsage proposing = new ModelUsage(2, 1000, 60, new BigDecimal("0.0031"), "USD");
    ModelUsage finishing = new ModelUsage(1, 700, 10, new BigDecimal("0.0018"), "USD");
    var completed = goal.completed(4);

    Journal journal =
        fold(
            goal.submitted(0),
            lookup.withUsage(proposing),
            goal.lookupSucceeded(2),
            completed.withUsage(finishing));

    assertThat(journal.entries())
        .filteredOn(entry -> entry.type().equals("StepsProposed"))
        .singleElement()
        .satisfies(
            entry ->
                assertThat(entry.usage())
                    .isEqualTo(new Usage(1000, 60, new BigDecimal("0.0031"), "USD")));
    assertThat(journal.entries())
        .filteredOn(entry -> entry.type().equals("ActionSucceeded"))
        .allSatisfy(entry -> assertThat(entry.usage()).isNull());
    assertThat(journal.usage()).isEqualTo(new Usage(1700, 70, new BigDecimal("0.0049"), "USD"));
  }

  @Test
  void shouldKeepAHandoffsContextOutOfTheJournal() {
    HandoffContext context =
        new HandoffContext(
            "Tell ACME " + DemoGoal.SECRET,
            Map.of("inputs.account", JsonNodeFactory.instance.stringNode(DemoGoal.SECRET)),
            List.of("looked up " + DemoGoal.SECRET),
            Map.of(goal.lookupId(), JsonNodeFactory.instance.stringNode(DemoGoal.SECRET)),
            "notes " + DemoGoal.SECRET);
    HandoffProposed proposed =
        new HandoffProposed(
            goal.goalId,
            UUID.randomUUID(),
            null,
            at(1),
            "demo",
            "agent:billing",
            "billing",
            "s",
            context);
    HandoffRequested requested =
        new HandoffRequested(
            goal.goalId,
            UUID.randomUUID(),
            null,
            at(2),
            "h-1",
            "human:dispatch",
            "demo",
            "agent:billing",
            "billing",
            "s",
            context);

    Journal journal = fold(goal.submitted(0), proposed, requested);

    assertThat(journal.entries()).extracting(JournalEntry::target).contains("agent:billing");
    assertThat(journal.toString()).doesNotContain(DemoGoal.SECRET);
  }

  private Journal fold(SwitchboardEvent... events) {
    Journal journal = null;
    for (SwitchboardEvent event : events) {
      journal = apply(journal, event);
    }
    return journal;
  }

  private Journal apply(Journal journal, SwitchboardEvent event) {
    Decision<Journal> decision = keeper.decide(journal, event);
    assertThat(decision.emit()).isEmpty();
    return decision.state();
  }

  private static org.assertj.core.groups.Tuple tuple(Object... values) {
    return org.assertj.core.groups.Tuple.tuple(values);
  }
}
