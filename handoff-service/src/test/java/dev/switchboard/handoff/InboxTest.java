package dev.switchboard.handoff;

import static dev.switchboard.handoff.Escalations.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.switchboard.contracts.MalformedEventException;
import dev.switchboard.contracts.Service;
import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.event.EscalationEvent.ApprovalRequested;
import dev.switchboard.contracts.event.EscalationEvent.HandoffRequested;
import dev.switchboard.contracts.event.GoalEvent.GoalCancelled;
import dev.switchboard.contracts.event.OutcomeEvent;
import dev.switchboard.contracts.event.OutcomeEvent.GoalCompleted;
import dev.switchboard.contracts.event.ResolutionEvent.Approved;
import dev.switchboard.contracts.event.ResolutionEvent.Expired;
import dev.switchboard.contracts.event.ResolutionEvent.Reassigned;
import dev.switchboard.edge.Decision;
import dev.switchboard.edge.TimerChange;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InboxTest {
  private final Inbox inbox = new Inbox(Duration.ofHours(4), Escalations.CLOCK);

  @Test
  void shouldReadEscalationsAndItsOwnResolutions() {
    assertThat(inbox.service()).isEqualTo(Service.HANDOFF);
    assertThat(inbox.inputs())
        .containsExactly(Topics.ESCALATION, Topics.RESOLUTION, Topics.VERDICT, Topics.OUTCOME);
  }

  @Test
  void shouldOpenAPendingItemWithEverythingTheApprovalCarries() {
    ApprovalRequested request =
        Escalations.approvalRequested("g-1", T0, "carol", true, Duration.ofMinutes(30));

    Decision<HandoffState> decision = inbox.decide(null, request);

    assertThat(decision.emit()).isEmpty();
    InboxItem item = decision.state().item(request.escalationId()).orElseThrow();
    assertThat(item.kind()).isEqualTo(EscalationKind.ApprovalRequested);
    assertThat(item.queue()).isEqualTo("human:approvers");
    assertThat(item.action()).isEqualTo(request.action());
    assertThat(item.requestedBy()).isEqualTo("carol");
    assertThat(item.fourEyes()).isTrue();
    assertThat(item.deadline()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
    assertThat(item.status()).isEqualTo(ItemStatus.PENDING);
    assertThat(item.escalationEventId()).isEqualTo(request.eventId());
    assertThat(item.history())
        .singleElement()
        .extracting(HistoryEntry::what, HistoryEntry::actor, HistoryEntry::eventId)
        .containsExactly("ApprovalRequested", "agent demo", request.eventId());
  }

  @Test
  void shouldGiveItemsWithoutAnSlaTheDefaultDeadline() {
    HandoffState state = inbox.decide(null, Escalations.approvalRequested("g-1", T0)).state();
    state = inbox.decide(state, Escalations.questionAsked("g-1", T0.plusSeconds(1))).state();
    state = inbox.decide(state, Escalations.handoffRequested("g-1", T0.plusSeconds(2))).state();

    assertThat(state.pending())
        .extracting(InboxItem::kind, InboxItem::deadline)
        .containsExactlyInAnyOrder(
            tuple(EscalationKind.ApprovalRequested, T0.plus(Duration.ofHours(4))),
            tuple(EscalationKind.QuestionAsked, T0.plusSeconds(1).plus(Duration.ofHours(4))),
            tuple(EscalationKind.HandoffRequested, T0.plusSeconds(2).plus(Duration.ofHours(4))));
  }

  @Test
  void shouldCloseAnItemWithItsResolutionAndRememberIt() {
    ApprovalRequested request = Escalations.approvalRequested("g-1", T0);
    Approved approved = Escalations.approved(request, "ann");

    HandoffState state = inbox.decide(inbox.decide(null, request).state(), approved).state();

    InboxItem item = state.item(request.escalationId()).orElseThrow();
    assertThat(item.status()).isEqualTo(ItemStatus.RESOLVED);
    assertThat(item.decision()).isEqualTo(approved);
    assertThat(item.resolution()).isEqualTo("Approved");
    assertThat(item.resolvedBy()).isEqualTo("ann");
    assertThat(item.hasSeen(approved.eventId())).isTrue();
    assertThat(state.pending()).isEmpty();
  }

  @Test
  void shouldReassignAHandoffToAnAgentAtOnceAndRecordTheNewHolder() {
    HandoffRequested handoff = Escalations.handoffRequested("g-1", T0, "agent:researcher");

    Decision<HandoffState> decision =
        new Inbox(Duration.ofHours(4), Escalations.CLOCK).decide(null, handoff);

    Reassigned reassigned = (Reassigned) decision.emit().getFirst();
    assertThat(decision.emit()).hasSize(1);
    assertThat(reassigned.goalId()).isEqualTo("g-1");
    assertThat(reassigned.escalationId()).isEqualTo(handoff.escalationId());
    assertThat(reassigned.newOwner()).isEqualTo("agent:researcher");
    assertThat(reassigned.actor()).isEqualTo("system:handoff");
    assertThat(reassigned.causationId()).isEqualTo(handoff.eventId());
    assertThat(reassigned.occurredAt()).isEqualTo(Escalations.CLOCK.instant());
    assertThat(decision.state().holder()).isEqualTo("agent:researcher");
    assertThat(decision.state().pending()).isEmpty();
    InboxItem item = decision.state().item(handoff.escalationId()).orElseThrow();
    assertThat(item.resolution()).isEqualTo("Reassigned");
    assertThat(item.resolvedBy()).isEqualTo("system:handoff");
  }

  @Test
  void shouldReassignAHandoffOnceHoweverOftenItIsRead() {
    HandoffRequested handoff = Escalations.handoffRequested("g-1", T0, "agent:writer");
    Decision<HandoffState> first = inbox.decide(null, handoff);
    Reassigned reassigned = (Reassigned) first.emit().getFirst();

    Decision<HandoffState> again = inbox.decide(first.state(), handoff);
    Decision<HandoffState> readBack = inbox.decide(first.state(), reassigned);

    assertThat(again.emit()).isEmpty();
    assertThat(again.state()).isEqualTo(first.state());
    assertThat(readBack.emit()).isEmpty();
    assertThat(readBack.state()).isEqualTo(first.state());
    assertThat(
            new Inbox(Duration.ofHours(4), Clock.systemUTC())
                .decide(null, handoff)
                .emit()
                .getFirst()
                .eventId())
        .isEqualTo(reassigned.eventId());
  }

  @Test
  void shouldLeaveAHandoffToPeopleWaitingUntilSomeoneReassignsIt() {
    HandoffRequested handoff = Escalations.handoffRequested("g-1", T0);
    Decision<HandoffState> opened = inbox.decide(null, handoff);

    Decision<HandoffState> reassigned =
        inbox.decide(
            opened.state(),
            new Reassigned(
                "g-1", UUID.randomUUID(), null, T0, handoff.escalationId(), "ann", "agent:sdr"));

    assertThat(opened.emit()).isEmpty();
    assertThat(opened.state().pending()).hasSize(1);
    assertThat(opened.state().holder()).isNull();
    assertThat(reassigned.emit()).isEmpty();
    assertThat(reassigned.state().pending()).isEmpty();
    assertThat(reassigned.state().holder()).isEqualTo("agent:sdr");
  }

  @Test
  void shouldKeepTheFirstResolution() {
    ApprovalRequested request = Escalations.approvalRequested("g-1", T0);
    HandoffState approved =
        inbox
            .decide(inbox.decide(null, request).state(), Escalations.approved(request, "ann"))
            .state();

    HandoffState after = inbox.decide(approved, Escalations.denied(request, "bob")).state();

    assertThat(after).isEqualTo(approved);
  }

  @Test
  void shouldOpenTheItemAgainWhenTheGuardrailRefusesItsAnswer() {
    ApprovalRequested request = Escalations.approvalRequested("g-1", T0);
    Approved byCarol = Escalations.approved(request, "carol");
    HandoffState approved = inbox.decide(inbox.decide(null, request).state(), byCarol).state();

    HandoffState reopened =
        inbox
            .decide(approved, Escalations.refused(byCarol, "four-eyes: 'carol' asked for it"))
            .state();

    InboxItem item = reopened.item(request.escalationId()).orElseThrow();
    assertThat(item.isPending()).isTrue();
    assertThat(item.decision()).isNull();
    assertThat(item.refusal()).isEqualTo("four-eyes: 'carol' asked for it");
    assertThat(item.history())
        .extracting(HistoryEntry::what)
        .containsExactly("ApprovalRequested", "Approved", "ResolutionRefused");
    HandoffState byBob = inbox.decide(reopened, Escalations.approved(request, "bob")).state();
    assertThat(byBob.item(request.escalationId()).orElseThrow().resolvedBy()).isEqualTo("bob");
  }

  @Test
  void shouldIgnoreARefusalOfAnAnswerThatIsNotInForce() {
    ApprovalRequested request = Escalations.approvalRequested("g-1", T0);
    HandoffState pending = inbox.decide(null, request).state();
    Approved neverApplied = Escalations.approved(request, "carol");

    assertThat(inbox.decide(pending, Escalations.refused(neverApplied, "no")).state())
        .isEqualTo(pending);
  }

  @Test
  void shouldMoveAnItemToAnotherHumanQueueAndKeepItOpen() {
    ApprovalRequested request = Escalations.approvalRequested("g-1", T0);
    Reassigned toFinance =
        new Reassigned(
            "g-1",
            UUID.randomUUID(),
            request.eventId(),
            T0.plusSeconds(5),
            request.escalationId(),
            "ann",
            "human:finance");

    InboxItem item =
        inbox
            .decide(inbox.decide(null, request).state(), toFinance)
            .state()
            .item(request.escalationId())
            .orElseThrow();

    assertThat(item.isPending()).isTrue();
    assertThat(item.queue()).isEqualTo("human:finance");
    assertThat(item.lastAnswer()).isEqualTo(toFinance);
    assertThat(item.decision()).isNull();
  }

  @Test
  void shouldNotReopenAResolvedItemWhenItsEscalationArrivesAgain() {
    ApprovalRequested request = Escalations.approvalRequested("g-1", T0);
    HandoffState approved =
        inbox
            .decide(inbox.decide(null, request).state(), Escalations.approved(request, "ann"))
            .state();
    ApprovalRequested again =
        new ApprovalRequested(
            "g-1",
            UUID.randomUUID(),
            request.causationId(),
            T0.plusSeconds(5),
            request.escalationId(),
            request.queue(),
            request.agent(),
            request.action(),
            request.policy(),
            request.reason());

    assertThat(inbox.decide(approved, again).state()).isEqualTo(approved);
  }

  @Test
  void shouldIgnoreAResolutionOfAnUnknownEscalation() {
    ApprovalRequested neverSeen = Escalations.approvalRequested("g-1", T0);

    assertThat(inbox.decide(null, Escalations.approved(neverSeen, "ann")).state()).isNull();
  }

  @Test
  void shouldEndTheGoalWhenItsOutcomeArrivesKeepingItsItemsUntilTheRetention() {
    ApprovalRequested answered = Escalations.approvalRequested("g-1", T0);
    HandoffState state =
        inbox
            .decide(inbox.decide(null, answered).state(), Escalations.approved(answered, "ann"))
            .state();
    GoalCompleted outcome = new GoalCompleted("g-1", UUID.randomUUID(), null, T0, "done", null);

    Decision<HandoffState> decision = inbox.decide(state, outcome);

    assertThat(decision.ended()).isTrue();
    assertThat(decision.state().items()).isEqualTo(state.items());
    assertThat(decision.state().endedAs()).isEqualTo("GoalCompleted");
    assertThat(decision.emit()).isEmpty();
    assertThat(decision.timers()).isEmpty();
  }

  @Test
  void shouldEndAGoalThatNeverReachedTheInbox() {
    GoalCompleted outcome = new GoalCompleted("g-9", UUID.randomUUID(), null, T0, "done", null);

    Decision<HandoffState> decision = inbox.decide(null, outcome);

    assertThat(decision.ended()).isTrue();
    assertThat(decision.state().items()).isEmpty();
    assertThat(decision.state().ended()).isTrue();
  }

  @Test
  void shouldCloseTheItemsStillWaitingWhenTheGoalEndsSoNobodyCanAnswerThem() {
    ApprovalRequested waiting = Escalations.approvalRequested("g-1", T0);
    HandoffState state = inbox.decide(null, waiting).state();
    OutcomeEvent.GoalCancelled cancelled =
        new OutcomeEvent.GoalCancelled(
            "g-1", UUID.randomUUID(), null, T0.plusSeconds(60), "cancelled", "not needed");

    Decision<HandoffState> decision = inbox.decide(state, cancelled);

    assertThat(decision.ended()).isTrue();
    Expired expired = (Expired) decision.emit().getFirst();
    assertThat(expired.escalationId()).isEqualTo(waiting.escalationId());
    assertThat(expired.actor()).isEqualTo(Inbox.SYSTEM_ACTOR);
    assertThat(expired.reason()).isEqualTo("the goal ended (GoalCancelled) before anyone answered");
    assertThat(expired.causationId()).isEqualTo(waiting.eventId());
    InboxItem item = decision.state().item(waiting.escalationId()).orElseThrow();
    assertThat(item.isPending()).isFalse();
    assertThat(item.resolution()).isEqualTo("Expired");
    assertThat(decision.timers())
        .contains(
            new TimerChange.Cancel("deadline:" + waiting.escalationId()),
            new TimerChange.Cancel("reminder:" + waiting.escalationId()));
    Decision<HandoffState> late =
        inbox.decide(decision.state(), Escalations.approved(waiting, "ann"));
    assertThat(late.emit()).isEmpty();
    assertThat(late.state().item(waiting.escalationId()).orElseThrow().resolution())
        .isEqualTo("Expired");
    assertThat(inbox.decide(late.state(), expired).state()).isEqualTo(late.state());
  }

  @Test
  void shouldCloseAtOnceAnEscalationReadAfterTheGoalEnded() {
    OutcomeEvent.GoalCancelled cancelled =
        new OutcomeEvent.GoalCancelled("g-1", UUID.randomUUID(), null, T0, "cancelled", "no");
    HandoffState ended = inbox.decide(null, cancelled).state();
    ApprovalRequested late = Escalations.approvalRequested("g-1", T0);

    Decision<HandoffState> decision = inbox.decide(ended, late);

    InboxItem item = decision.state().item(late.escalationId()).orElseThrow();
    assertThat(item.isPending()).isFalse();
    assertThat(item.resolvedBy()).isEqualTo(Inbox.SYSTEM_ACTOR);
    assertThat(decision.emit()).singleElement().isInstanceOf(Expired.class);
    assertThat(decision.timers()).isEmpty();
    assertThat(decision.state().pending()).isEmpty();
  }

  @Test
  void shouldNotEndTheGoalWhileItsItemsAreAnswered() {
    ApprovalRequested request = Escalations.approvalRequested("g-1", T0);
    Decision<HandoffState> opened = inbox.decide(null, request);

    assertThat(opened.ended()).isFalse();
    assertThat(inbox.decide(opened.state(), Escalations.approved(request, "ann")).ended())
        .isFalse();
  }

  @Test
  void shouldRejectEventsFromOtherTopics() {
    GoalCancelled stray = new GoalCancelled("g-1", UUID.randomUUID(), null, T0, "x", "y");

    assertThatThrownBy(() -> inbox.decide(null, stray))
        .isInstanceOf(MalformedEventException.class)
        .hasMessage("the inbox takes escalations, resolutions and verdicts, not GoalCancelled");
  }

  @Test
  void shouldKeepItsStateAsJson() {
    ApprovalRequested request = Escalations.approvalRequested("g-1", T0, "carol", true, null);
    Approved approved = Escalations.approved(request, "ann");
    HandoffState state =
        inbox
            .decide(inbox.decide(null, request).state(), approved)
            .state()
            .heldBy("agent:researcher");
    var mapper = Escalations.CODEC.mapper();

    HandoffState read = mapper.readValue(mapper.writeValueAsBytes(state), HandoffState.class);

    assertThat(read).isEqualTo(state);
  }
}
