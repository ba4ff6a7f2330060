package dev.switchboard.handoff;

import static dev.switchboard.handoff.Escalations.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.contracts.event.EscalationEvent.ApprovalRequested;
import dev.switchboard.contracts.event.ResolutionEvent.Approved;
import dev.switchboard.contracts.event.ResolutionEvent.Denied;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EscalationDeskTest {
  private static final Instant NOW = T0.plusSeconds(300);
  private final InboxInMemory inbox = new InboxInMemory();
  private final EscalationDesk desk =
      new EscalationDesk(inbox, inbox, Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void shouldListPendingItemsOfAllGoalsOldestFirst() {
    inbox.apply(Escalations.approvalRequested("g-b", T0.plusSeconds(2)));
    inbox.apply(Escalations.approvalRequested("g-a", T0.plusSeconds(3)));
    inbox.apply(Escalations.questionAsked("g-c", T0.plusSeconds(1)));
    ApprovalRequested resolved = Escalations.approvalRequested("g-d", T0);
    inbox.apply(resolved);
    inbox.apply(Escalations.approved(resolved, "ann"));

    assertThat(desk.pending(Optional.empty()))
        .extracting(InboxItem::goalId)
        .containsExactly("g-c", "g-b", "g-a");
    assertThat(desk.pending(Optional.of("g-a")))
        .extracting(InboxItem::goalId)
        .containsExactly("g-a");
    assertThat(desk.pending(Optional.of("g-unknown"))).isEmpty();
  }

  @Test
  void shouldWriteAnApprovalByTheActor() {
    ApprovalRequested request = Escalations.approvalRequested("g-1", T0);
    inbox.apply(request);

    Approved approved = desk.approve(request.escalationId(), "local-operator", "looks fine");

    assertThat(inbox.written).containsExactly(approved);
    assertThat(approved.goalId()).isEqualTo("g-1");
    assertThat(approved.escalationId()).isEqualTo("g-1-step-2-approval");
    assertThat(approved.actor()).isEqualTo("local-operator");
    assertThat(approved.comment()).isEqualTo("looks fine");
    assertThat(approved.causationId()).isEqualTo(request.eventId());
    assertThat(approved.occurredAt()).isEqualTo(NOW);
  }

  @Test
  void shouldRefuseASecondAnswerBeforeTheInboxHasCaughtUp() {
    ApprovalRequested request = Escalations.approvalRequested("g-1", T0);
    inbox.apply(request);
    desk.approve(request.escalationId(), "local-operator", null);

    assertThat(desk.pending(Optional.empty())).isEmpty();
    assertThatThrownBy(() -> desk.deny(request.escalationId(), "local-operator", "no"))
        .isInstanceOf(EscalationConflictException.class)
        .hasMessage(
            "escalation 'g-1-step-2-approval' is already resolved (Approved by local-operator)");
    assertThat(inbox.written).hasSize(1);
  }

  @Test
  void shouldRefuseToAnswerAnEscalationResolvedEarlier() {
    ApprovalRequested request = Escalations.approvalRequested("g-1", T0);
    inbox.apply(request);
    inbox.apply(Escalations.denied(request, "ann"));

    assertThatThrownBy(() -> desk.approve(request.escalationId(), "local-operator", null))
        .isInstanceOf(EscalationConflictException.class)
        .hasMessage("escalation 'g-1-step-2-approval' is already resolved (Denied by ann)");
    assertThat(inbox.written).isEmpty();
  }

  @Test
  void shouldApproveOnlyApprovalRequests() {
    inbox.apply(Escalations.questionAsked("g-1", T0));

    assertThatThrownBy(() -> desk.approve("g-1/question-1", "local-operator", null))
        .isInstanceOf(EscalationConflictException.class)
        .hasMessage(
            "escalation 'g-1/question-1' is a QuestionAsked; only an ApprovalRequested can be"
                + " approved or denied");
  }

  @Test
  void shouldNotFindAnUnknownEscalation() {
    assertThatThrownBy(() -> desk.approve("nope", "local-operator", null))
        .isInstanceOf(EscalationNotFoundException.class)
        .hasMessage("no escalation 'nope' in the inbox");
    assertThatThrownBy(() -> desk.find("nope")).isInstanceOf(EscalationNotFoundException.class);
  }

  @Test
  void shouldDenyWithAReasonOnly() {
    ApprovalRequested request = Escalations.approvalRequested("g-1", T0);
    inbox.apply(request);

    assertThatThrownBy(() -> desk.deny(request.escalationId(), "local-operator", " "))
        .isInstanceOf(InvalidAnswerException.class)
        .hasMessage("a denial needs a non-blank 'reason'");
    Denied denied = desk.deny(request.escalationId(), "local-operator", "wrong recipient");

    assertThat(inbox.written).containsExactly(denied);
    assertThat(denied.reason()).isEqualTo("wrong recipient");
  }

  @Test
  void shouldLetAnAnswerBeRetriedWhenKafkaDidNotTakeIt() {
    ApprovalRequested request = Escalations.approvalRequested("g-1", T0);
    inbox.apply(request);
    inbox.failNextWrite = new IllegalStateException("broker down");

    assertThatThrownBy(() -> desk.approve(request.escalationId(), "local-operator", null))
        .hasMessage("broker down");
    desk.approve(request.escalationId(), "local-operator", null);

    assertThat(inbox.written).hasSize(1);
  }

  @Test
  void shouldCloseTheItemOnceItsResolutionComesBack() {
    ApprovalRequested request = Escalations.approvalRequested("g-1", T0);
    inbox.apply(request);
    inbox.apply(desk.approve(request.escalationId(), "local-operator", null));

    InboxItem item = desk.find(request.escalationId());
    assertThat(item.status()).isEqualTo(ItemStatus.RESOLVED);
    assertThat(item.resolution()).isEqualTo("Approved");
  }
}
