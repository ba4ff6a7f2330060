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
import dev.switchboard.contracts.event.ResolutionEvent.Reassigned;
import dev.switchboard.edge.Decision;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InboxTest {
  private final Inbox inbox = new Inbox();

  @Test
  void shouldReadEscalationsAndItsOwnResolutions() {
    assertThat(inbox.service()).isEqualTo(Service.HANDOFF);
    assertThat(inbox.inputs()).containsExactly(Topics.ESCALATION, Topics.RESOLUTION);
  }

  @Test
  void shouldOpenAPendingItemForAnApprovalRequest() {
    ApprovalRequested request = Escalations.approvalRequested("g-1", T0);

    Decision<HandoffState> decision = inbox.decide(null, request);

    assertThat(decision.emit()).isEmpty();
    assertThat(decision.state().item("g-1-step-2-approval"))
        .contains(
            new InboxItem(
                "g-1-step-2-approval",
                "g-1",
                EscalationKind.ApprovalRequested,
                "human:approvers",
                "demo",
                request.action(),
                "demo.send writes to someone outside",
                "outbound-communication",
                T0,
                ItemStatus.PENDING,
                null,
                null,
                request.eventId()));
  }

  @Test
  void shouldOpenItemsForQuestionsAndHandoffsToo() {
    HandoffState state = inbox.decide(null, Escalations.questionAsked("g-1", T0)).state();
    state = inbox.decide(state, Escalations.handoffRequested("g-1", T0.plusSeconds(1))).state();

    assertThat(state.pending())
        .extracting(InboxItem::kind, InboxItem::reason, InboxItem::action)
        .containsExactlyInAnyOrder(
            tuple(EscalationKind.QuestionAsked, "Which region?", null),
            tuple(EscalationKind.HandoffRequested, "the customer asked for a person", null));
  }

  @Test
  void shouldCloseAnItemWithItsResolution() {
    ApprovalRequested request = Escalations.approvalRequested("g-1", T0);
    HandoffState opened = inbox.decide(null, request).state();

    Decision<HandoffState> decision =
        inbox.decide(opened, Escalations.approved(request, "local-operator"));

    InboxItem item = decision.state().item(request.escalationId()).orElseThrow();
    assertThat(item.status()).isEqualTo(ItemStatus.RESOLVED);
    assertThat(item.resolvedBy()).isEqualTo("local-operator");
    assertThat(item.resolution()).isEqualTo("Approved");
    assertThat(decision.state().pending()).isEmpty();
    assertThat(decision.emit()).isEmpty();
  }

  @Test
  void shouldReassignAHandoffToAnAgentAtOnceAndRecordTheNewHolder() {
    HandoffRequested handoff = Escalations.handoffRequested("g-1", T0, "agent:researcher");

    Decision<HandoffState> decision = new Inbox(Escalations.CLOCK).decide(null, handoff);

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
    assertThat(new Inbox().decide(null, handoff).emit().getFirst().eventId())
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
    HandoffState other = inbox.decide(null, Escalations.questionAsked("g-1", T0)).state();
    assertThat(inbox.decide(other, Escalations.approved(neverSeen, "ann")).state())
        .isEqualTo(other);
  }

  @Test
  void shouldRejectEventsFromOtherTopics() {
    GoalCancelled stray = new GoalCancelled("g-1", UUID.randomUUID(), null, T0, "x", "y");

    assertThatThrownBy(() -> inbox.decide(null, stray))
        .isInstanceOf(MalformedEventException.class)
        .hasMessage("the inbox takes escalations and resolutions, not GoalCancelled");
  }

  @Test
  void shouldKeepItsStateAsJson() {
    ApprovalRequested request = Escalations.approvalRequested("g-1", T0);
    HandoffState state = inbox.decide(null, request).state().heldBy("agent:researcher");
    var mapper = Escalations.CODEC.mapper();

    HandoffState read = mapper.readValue(mapper.writeValueAsBytes(state), HandoffState.class);

    assertThat(read).isEqualTo(state);
  }
}
