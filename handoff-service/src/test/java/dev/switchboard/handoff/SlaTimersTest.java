package dev.switchboard.handoff;

import static dev.switchboard.handoff.Escalations.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.contracts.event.EscalationEvent.ApprovalRequested;
import dev.switchboard.contracts.event.EscalationEvent.QuestionAsked;
import dev.switchboard.contracts.event.ExpiryRoute;
import dev.switchboard.contracts.event.ResolutionEvent;
import dev.switchboard.contracts.event.ResolutionEvent.DeadlineNear;
import dev.switchboard.contracts.event.ResolutionEvent.Expired;
import dev.switchboard.contracts.event.ResolutionEvent.Reassigned;
import dev.switchboard.contracts.event.SwitchboardEvent;
import dev.switchboard.contracts.event.VerdictEvent.ActionAllowed;
import dev.switchboard.contracts.event.VerdictEvent.ActionEscalated;
import dev.switchboard.contracts.event.VerdictEvent.Audit;
import dev.switchboard.edge.Decision;
import dev.switchboard.edge.EventContext;
import dev.switchboard.edge.TimerChange;
import dev.switchboard.edge.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The inbox's durable SLA timers, its reminders and expiry policy, with the plain processor. */
class SlaTimersTest {
  private static final Duration SLA = Duration.ofMinutes(40);
  private static final Instant DUE = T0.plus(SLA);
  private static final Instant REMIND = DUE.minus(Duration.ofMinutes(10));
  private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final EventContext TRACED =
      new EventContext("00-" + TRACE + "-00f067aa0ba902b7-01");

  private final MutableClock clock = new MutableClock(T0.plusSeconds(1));
  private final Inbox inbox = new Inbox(Duration.ofHours(4), new SlaClock(clock));
  private final Inbox escalating =
      new Inbox(
          Duration.ofHours(4), new SlaClock(clock, Map.of("human:approvers", "human:managers")));
  private final ApprovalRequested request =
      Escalations.approvalRequested("g-1", T0, "carol", false, SLA);
  private final String id = request.escalationId();

  @Test
  void shouldSetAReminderAndADeadlineTimerForEachPendingItem() {
    Decision<HandoffState> opened = inbox.decide(null, request, TRACED);

    assertThat(opened.timers())
        .containsExactlyInAnyOrder(
            new TimerChange.Schedule("deadline:" + id, DUE),
            new TimerChange.Schedule("reminder:" + id, REMIND));
    assertThat(opened.state().item(id).orElseThrow().traceId()).isEqualTo(TRACE);
  }

  @Test
  void shouldRemindOnceBeforeTheDeadlineAndKeepTheItemOpen() {
    HandoffState state = inbox.decide(null, request, TRACED).state();
    clock.setTo(REMIND);

    Decision<HandoffState> due = inbox.onTimer(state, "g-1", "reminder:" + id, REMIND);

    DeadlineNear reminder = (DeadlineNear) due.emit().getFirst();
    assertThat(reminder.actor()).isEqualTo(SlaClock.ACTOR);
    assertThat(reminder.queue()).isEqualTo("human:approvers");
    assertThat(reminder.deadline()).isEqualTo(DUE);
    assertThat(reminder.audit().traceId()).isEqualTo(TRACE);
    assertThat(due.state()).isEqualTo(state);

    HandoffState read = inbox.decide(state, reminder).state();
    HandoffState readTwice = inbox.decide(read, reminder).state();
    InboxItem item = readTwice.item(id).orElseThrow();
    assertThat(item.isPending()).isTrue();
    assertThat(item.history())
        .extracting(HistoryEntry::what)
        .containsExactly("ApprovalRequested", "DeadlineNear");
    // The same item at the same deadline gets the same reminder, written once for consumers too.
    assertThat(inbox.onTimer(state, "g-1", "reminder:" + id, REMIND.plusSeconds(1)).emit())
        .extracting(SwitchboardEvent::eventId)
        .containsExactly(reminder.eventId());
  }

  @Test
  void shouldExpireAnUnansweredItemAtItsDeadlineAndForgetItsTimers() {
    HandoffState state = inbox.decide(null, request, TRACED).state();
    clock.setTo(DUE);

    Expired expired =
        (Expired) inbox.onTimer(state, "g-1", "deadline:" + id, DUE).emit().getFirst();

    assertThat(expired.actor()).isEqualTo(SlaClock.ACTOR);
    assertThat(expired.causationId()).isEqualTo(request.eventId());
    assertThat(expired.reason()).contains("human:approvers", "40 min");
    assertThat(expired.audit().traceId()).isEqualTo(TRACE);
    assertThat(expired.audit().authenticatedBy()).isEqualTo("system");

    Decision<HandoffState> readBack = inbox.decide(state, expired);
    assertThat(readBack.state().item(id).orElseThrow().resolution()).isEqualTo("Expired");
    assertThat(readBack.timers())
        .containsExactlyInAnyOrder(
            new TimerChange.Cancel("deadline:" + id), new TimerChange.Cancel("reminder:" + id));
    assertThat(inbox.onTimer(readBack.state(), "g-1", "deadline:" + id, DUE).emit()).isEmpty();
  }

  @Test
  void shouldExpireWithTheSameEventIdWhetherTheTimerOrALateAnswerFindsTheDeadline() {
    HandoffState state = inbox.decide(null, request).state();
    clock.setTo(DUE.plusSeconds(5));
    List<ResolutionEvent> written = new ArrayList<>();
    EscalationDesk desk =
        new EscalationDesk(
            new InboxSource() {
              @Override
              public List<HandoffState> all() {
                return List.of(state);
              }

              @Override
              public Optional<HandoffState> ofGoal(String goalId) {
                return Optional.of(state);
              }
            },
            written::add,
            new InboxAuthority(new QueueAccess(Map.of(), "admin")),
            new SlaClock(clock),
            new AgentTargets(new ListedAgents()));

    assertThatThrownBy(
            () -> desk.act(Escalations.ANN, id, new Answer.Approve(null), Escalations.ORIGIN))
        .isInstanceOf(InboxProblem.DeadlinePassed.class);

    SwitchboardEvent byTimer = inbox.onTimer(state, "g-1", "deadline:" + id, DUE).emit().getFirst();
    assertThat(written).singleElement().isInstanceOf(Expired.class);
    assertThat(written.getFirst().eventId()).isEqualTo(byTimer.eventId());
  }

  @Test
  void shouldMoveAnUnansweredItemToTheNextQueueWithItsWholeSlaThenExpireIt() {
    HandoffState state = escalating.decide(null, request).state();
    clock.setTo(DUE);

    Reassigned moved =
        (Reassigned) escalating.onTimer(state, "g-1", "deadline:" + id, DUE).emit().getFirst();
    assertThat(moved.actor()).isEqualTo(SlaClock.ACTOR);
    assertThat(moved.newOwner()).isEqualTo("human:managers");

    Decision<HandoffState> readBack = escalating.decide(state, moved);
    InboxItem item = readBack.state().item(id).orElseThrow();
    assertThat(item.isPending()).isTrue();
    assertThat(item.queue()).isEqualTo("human:managers");
    assertThat(item.deadline()).isEqualTo(DUE.plus(SLA));
    assertThat(readBack.timers())
        .containsExactlyInAnyOrder(
            new TimerChange.Schedule("deadline:" + id, DUE.plus(SLA)),
            new TimerChange.Schedule("reminder:" + id, DUE.plus(SLA).minus(SLA.dividedBy(4))));
    assertThat(item.history().getLast().detail()).contains("moved to human:managers");

    // The managers do not answer either, and there is no queue after theirs: it expires.
    clock.setTo(DUE.plus(SLA));
    assertThat(escalating.onTimer(readBack.state(), "g-1", "deadline:" + id, DUE.plus(SLA)).emit())
        .singleElement()
        .isInstanceOf(Expired.class);
  }

  @Test
  void shouldDenyOnExpiryWhenThePolicySaysSoWhateverTheNextQueues() {
    ApprovalRequested denyOnExpiry = Escalations.withOnExpiry(request, ExpiryRoute.deny());
    HandoffState state = escalating.decide(null, denyOnExpiry).state();
    clock.setTo(DUE);

    assertThat(escalating.onTimer(state, "g-1", "deadline:" + id, DUE).emit())
        .as("human:approvers has a next queue, but the policy's onExpiry wins")
        .singleElement()
        .isInstanceOf(Expired.class);
    assertThat(state.item(id).orElseThrow().onExpiry()).isEqualTo(ExpiryRoute.deny());
  }

  @Test
  void shouldMoveThroughThePolicysQueuesInOrderThenExpire() {
    ApprovalRequested routed =
        Escalations.withOnExpiry(
            request, new ExpiryRoute(List.of("human:managers", "human:directors")));
    HandoffState state = escalating.decide(null, routed).state();
    List<String> owners = new ArrayList<>();
    Instant due = DUE;
    for (int move = 0; move < 2; move++) {
      clock.setTo(due);
      Reassigned moved =
          (Reassigned) escalating.onTimer(state, "g-1", "deadline:" + id, due).emit().getFirst();
      owners.add(moved.newOwner());
      state = escalating.decide(state, moved).state();
      assertThat(state.item(id).orElseThrow().deadline()).isEqualTo(due.plus(SLA));
      due = state.item(id).orElseThrow().deadline();
    }
    clock.setTo(due);

    assertThat(owners)
        .as("the policy's queues, not next-queues (which has nothing after human:managers)")
        .containsExactly("human:managers", "human:directors");
    assertThat(escalating.onTimer(state, "g-1", "deadline:" + id, due).emit())
        .singleElement()
        .isInstanceOf(Expired.class);
  }

  @Test
  void shouldFollowTheNextQueuesWhenThePolicySaysNothing() {
    HandoffState state = escalating.decide(null, request).state();
    clock.setTo(DUE);

    assertThat(state.item(id).orElseThrow().onExpiry()).isNull();
    assertThat(escalating.onTimer(state, "g-1", "deadline:" + id, DUE).emit())
        .singleElement()
        .isInstanceOfSatisfying(
            Reassigned.class, moved -> assertThat(moved.newOwner()).isEqualTo("human:managers"));
  }

  @Test
  void shouldNotGoRoundInCirclesBetweenQueuesThatNameEachOther() {
    Inbox circular =
        new Inbox(
            Duration.ofHours(4),
            new SlaClock(
                clock,
                Map.of("human:approvers", "human:managers", "human:managers", "human:approvers")));
    HandoffState state = circular.decide(null, request).state();
    Instant due = DUE;
    for (int move = 0; move < 2; move++) {
      clock.setTo(due);
      SwitchboardEvent event =
          circular.onTimer(state, "g-1", "deadline:" + id, due).emit().getFirst();
      assertThat(event).isInstanceOf(Reassigned.class);
      state = circular.decide(state, event).state();
      due = state.item(id).orElseThrow().deadline();
    }
    clock.setTo(due);

    assertThat(circular.onTimer(state, "g-1", "deadline:" + id, due).emit())
        .singleElement()
        .isInstanceOf(Expired.class);
  }

  @Test
  void shouldForgetTheTimersOfAnAnsweredItemAndSetThemAgainWhenItReopens() {
    HandoffState state = inbox.decide(null, request).state();
    var approved = Escalations.approved(request, "ann");

    Decision<HandoffState> answered = inbox.decide(state, approved);
    assertThat(answered.timers())
        .containsExactlyInAnyOrder(
            new TimerChange.Cancel("deadline:" + id), new TimerChange.Cancel("reminder:" + id));

    clock.setTo(REMIND.plusSeconds(1));
    Decision<HandoffState> reopened =
        inbox.decide(answered.state(), Escalations.refused(approved, "ann may not approve"));
    // Past the reminder's time and not reminded yet: the reminder is due at once.
    assertThat(reopened.timers())
        .containsExactlyInAnyOrder(
            new TimerChange.Schedule("deadline:" + id, DUE),
            new TimerChange.Schedule("reminder:" + id, REMIND.plusSeconds(1)));
  }

  @Test
  void shouldNotRemindTwiceForTheSameDeadline() {
    HandoffState state = inbox.decide(null, request).state();
    clock.setTo(REMIND);
    SwitchboardEvent reminder = inbox.onTimer(state, "g-1", "reminder:" + id, REMIND).emit().get(0);
    state = inbox.decide(state, reminder).state();
    var approved = Escalations.approved(request, "ann");
    state = inbox.decide(state, approved).state();

    Decision<HandoffState> reopened =
        inbox.decide(state, Escalations.refused(approved, "ann may not approve"));

    assertThat(reopened.timers())
        .containsExactlyInAnyOrder(
            new TimerChange.Schedule("deadline:" + id, DUE),
            new TimerChange.Cancel("reminder:" + id));
  }

  @Test
  void shouldKeepTheDeadlineOfAnItemAPersonMovedToAnotherQueue() {
    QuestionAsked question = Escalations.questionAsked("g-1", T0);
    HandoffState state = inbox.decide(null, question).state();
    Reassigned byPerson =
        new Reassigned(
            "g-1",
            UUID.randomUUID(),
            question.eventId(),
            T0.plusSeconds(60),
            question.escalationId(),
            "bob",
            "human:finance");

    InboxItem item = inbox.decide(state, byPerson).state().item(question.escalationId()).get();

    assertThat(item.queue()).isEqualTo("human:finance");
    assertThat(item.deadline()).isEqualTo(T0.plus(Duration.ofHours(4)));
  }

  @Test
  void shouldShowWhyThePolicyStoppedTheActionWhicheverArrivesFirst() {
    Audit audit =
        new Audit(
            "default",
            "3",
            "mail-outside",
            "mail leaves the company",
            "h",
            null,
            TRACE,
            "email.send",
            "demo",
            null);
    ActionEscalated verdict =
        new ActionEscalated(
            "g-1",
            UUID.randomUUID(),
            null,
            T0,
            request.action().actionId(),
            "default",
            id,
            "mail leaves the company",
            audit);

    InboxItem afterEscalation =
        inbox.decide(inbox.decide(null, request).state(), verdict).state().item(id).get();
    HandoffState early = inbox.decide(null, verdict).state();
    InboxItem beforeEscalation = inbox.decide(early, request).state().item(id).get();

    assertThat(afterEscalation.stoppedBy()).isEqualTo(audit);
    assertThat(beforeEscalation.stoppedBy()).isEqualTo(audit);
    assertThat(inbox.decide(early, request).state().earlyAudits()).isEmpty();
    ActionAllowed other =
        new ActionAllowed("g-2", UUID.randomUUID(), null, T0, "g-2/demo/a", "default", audit);
    assertThat(inbox.decide(null, other).state()).isNull();
  }

  @Test
  void shouldAuditTheHandoffToAnAgentWithTheTraceItCameWith() {
    Reassigned reassigned =
        (Reassigned)
            inbox
                .decide(null, Escalations.handoffRequested("g-1", T0, "agent:closer"), TRACED)
                .emit()
                .getFirst();

    assertThat(reassigned.audit().traceId()).isEqualTo(TRACE);
    assertThat(reassigned.audit().authenticatedBy()).isEqualTo("system");
  }
}
