package dev.switchboard.handoff;

import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.MalformedEventException;
import dev.switchboard.contracts.Service;
import dev.switchboard.contracts.Topic;
import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.event.EscalationEvent;
import dev.switchboard.contracts.event.EscalationEvent.HandoffRequested;
import dev.switchboard.contracts.event.EscalationEvent.ResolutionRefused;
import dev.switchboard.contracts.event.OutcomeEvent;
import dev.switchboard.contracts.event.Owners;
import dev.switchboard.contracts.event.ResolutionAudit;
import dev.switchboard.contracts.event.ResolutionEvent;
import dev.switchboard.contracts.event.ResolutionEvent.DeadlineNear;
import dev.switchboard.contracts.event.ResolutionEvent.Expired;
import dev.switchboard.contracts.event.ResolutionEvent.Reassigned;
import dev.switchboard.contracts.event.SwitchboardEvent;
import dev.switchboard.contracts.event.VerdictEvent;
import dev.switchboard.contracts.event.VerdictEvent.ActionEscalated;
import dev.switchboard.edge.Decision;
import dev.switchboard.edge.EventContext;
import dev.switchboard.edge.GoalProcessor;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each goal's escalations as inbox items: an escalation opens one with its deadline, an
 * answer closes it (or moves it to another human queue), and the guardrail's refusal of an answer
 * opens it again. It reads its own resolutions back, so an item is closed only once the answer is
 * durably on {@code resolution}. People's answers come in over HTTP; the one thing it writes itself
 * is the {@code Reassigned} of a handoff to an agent, which needs no person. It records who holds
 * the goal.
 *
 * <p>Each pending item has two durable timers: a reminder once a quarter of its SLA is left, and
 * its deadline, where {@link SlaClock#onDeadline} expires it or moves it to the next queue. It also
 * reads the guardrail's escalated verdicts, for the audit record of why the policy stopped an
 * action.
 */
public final class Inbox implements GoalProcessor<HandoffState> {
  /** The actor of resolutions the inbox writes without a person. */
  static final String SYSTEM_ACTOR = "system:handoff";

  private static final String DEADLINE_TIMER = "deadline:";
  private static final String REMINDER_TIMER = "reminder:";
  private static final Logger log = LoggerFactory.getLogger(Inbox.class);

  private final Duration defaultSla;
  private final SlaClock sla;

  /**
   * @param defaultSla the time to answer an escalation that names no SLA of its own
   */
  public Inbox(Duration defaultSla, Clock clock) {
    this(defaultSla, new SlaClock(clock));
  }

  /**
   * @param defaultSla the time to answer an escalation that names no SLA of its own
   * @param sla when to remind, and what expiry does
   */
  public Inbox(Duration defaultSla, SlaClock sla) {
    this.defaultSla = defaultSla;
    this.sla = sla;
  }

  @Override
  public Service service() {
    return Service.HANDOFF;
  }

  @Override
  public List<Topic<?>> inputs() {
    return List.of(Topics.ESCALATION, Topics.RESOLUTION, Topics.VERDICT, Topics.OUTCOME);
  }

  @Override
  public Class<HandoffState> stateType() {
    return HandoffState.class;
  }

  /** Keeps the trace an escalation came in (its trace id goes on the item, its context too). */
  @Override
  public Decision<HandoffState> decide(
      HandoffState state, SwitchboardEvent event, EventContext context) {
    Decision<HandoffState> decision = route(state, event, context);
    if (!(event instanceof EscalationEvent escalation)
        || event instanceof ResolutionRefused
        || decision.state() == null) {
      return decision;
    }
    return new Decision<>(
            decision.state().tracedIn(escalation.escalationId(), context),
            decision.emit(),
            decision.effects(),
            decision.timers(),
            decision.ended(),
            decision.trace())
        .withSpanAttributes(EscalationSpans.attributesOf(escalation));
  }

  @Override
  public Decision<HandoffState> decide(HandoffState state, SwitchboardEvent event) {
    return decide(state, event, EventContext.none());
  }

  private Decision<HandoffState> route(
      HandoffState state, SwitchboardEvent event, EventContext context) {
    return switch (event) {
      case ResolutionRefused refused -> reopen(state, refused);
      case EscalationEvent escalation ->
          open(state, escalation, RequestOrigin.traceIdOf(context.traceparent()));
      case DeadlineNear reminder -> Decision.of(reminded(state, reminder));
      case ResolutionEvent resolution -> close(state, resolution);
      case ActionEscalated escalated -> Decision.of(stoppedBy(state, escalated));
      case VerdictEvent other -> Decision.of(state);
      case OutcomeEvent outcome -> ended(state, outcome);
      default ->
          throw new MalformedEventException(
              "the inbox takes escalations, resolutions and verdicts, not "
                  + EventCodec.typeName(event));
    };
  }

  /**
   * The planner ended the goal: its items leave the store after the edge's retention ({@code
   * switchboard.retention.ended-goals}), and their timers with them; until then the inbox shows
   * them. An item still waiting closes now, {@code Expired} by {@link #SYSTEM_ACTOR}: nobody can
   * answer for a goal that is over (the planner dropped what waited for a person, the guardrail
   * closed its approvals). The tombstone after the retention skips a re-sent escalation.
   */
  private static Decision<HandoffState> ended(HandoffState state, OutcomeEvent outcome) {
    HandoffState known = state == null ? HandoffState.empty() : state;
    if (known.ended()) {
      return Decision.of(known).goalEnded();
    }
    String endedAs = EventCodec.typeName(outcome);
    HandoffState closed = known.endedAs(endedAs);
    List<Expired> expiries = new ArrayList<>();
    for (InboxItem item : known.pending()) {
      Expired expired = closedByTheEnd(item, endedAs, outcome.occurredAt());
      closed = closed.with(item.answered(expired));
      expiries.add(expired);
    }
    if (!expiries.isEmpty()) {
      log.info(
          "goal {} ended ({}); {} item(s) still waiting close unanswered",
          outcome.goalId(),
          endedAs,
          expiries.size());
    }
    Decision<HandoffState> decision = Decision.of(closed, expiries);
    for (Expired expired : expiries) {
      decision =
          decision
              .cancelTimer(DEADLINE_TIMER + expired.escalationId())
              .cancelTimer(REMINDER_TIMER + expired.escalationId());
    }
    return decision.goalEnded();
  }

  /** The inbox's own answer to an item of a goal that ended before anyone answered it. */
  private static Expired closedByTheEnd(InboxItem item, String endedAs, Instant at) {
    return new Expired(
        item.goalId(),
        UUID.nameUUIDFromBytes(("ended:" + item.escalationId()).getBytes(StandardCharsets.UTF_8)),
        item.escalationEventId(),
        at,
        item.escalationId(),
        SYSTEM_ACTOR,
        "the goal ended (" + endedAs + ") before anyone answered",
        SlaClock.auditOf(item));
  }

  /** A reminder or a deadline of one of the goal's items is due. */
  @Override
  public Decision<HandoffState> onTimer(
      HandoffState state, String goalId, String timerId, Instant now) {
    boolean deadline = timerId.startsWith(DEADLINE_TIMER);
    String escalationId = timerId.substring((deadline ? DEADLINE_TIMER : REMINDER_TIMER).length());
    InboxItem item = state == null ? null : state.item(escalationId).orElse(null);
    if (item == null || !item.isPending()) {
      return Decision.of(state);
    }
    Optional<? extends ResolutionEvent> due =
        deadline ? sla.onDeadline(item, now) : sla.reminder(item, now);
    if (due.isEmpty()) {
      return Decision.of(state);
    }
    log.info(
        "escalation {} of goal {}: {} by {}",
        escalationId,
        goalId,
        EventCodec.typeName(due.get()),
        SlaClock.ACTOR);
    // The item changes when the event is read back, like every answer; timers follow it then.
    return Decision.of(state, due.get());
  }

  /** An escalation already known (sent again) keeps its item as it is, resolved or not. */
  private Decision<HandoffState> open(
      HandoffState state, EscalationEvent escalation, String traceId) {
    HandoffState known = state == null ? HandoffState.empty() : state;
    if (known.item(escalation.escalationId()).isPresent()) {
      log.info("escalation {} is in the inbox already", escalation.escalationId());
      return Decision.of(known);
    }
    InboxItem opened = InboxItem.pendingFrom(escalation, defaultSla, traceId);
    InboxItem item =
        known.earlyAudit(opened.escalationId()).map(opened::withStoppedBy).orElse(opened);
    if (known.ended()) {
      // Read after the goal's outcome (the two come on different topics): shown, never answerable.
      Expired expired = closedByTheEnd(item, known.endedAs(), sla.now());
      log.info(
          "escalation {} of goal {} read after the goal ended ({}); closed unanswered",
          escalation.escalationId(),
          escalation.goalId(),
          known.endedAs());
      return Decision.of(known.with(item.answered(expired)), expired);
    }
    if (escalation instanceof HandoffRequested handoff && Owners.isAgent(handoff.target())) {
      return reassignToAgent(known, handoff, traceId);
    }
    log.info(
        "escalation {} of goal {} waits in queue {} until {}",
        escalation.escalationId(),
        escalation.goalId(),
        escalation.queue(),
        item.deadline());
    return timersOf(Decision.of(known.with(item)), item);
  }

  /**
   * An agent takes a goal handed to it at once: the item is resolved as it opens, and the goal's
   * new holder goes to {@code resolution}, where the planner picks it up. The eventId is derived
   * from the escalation, so the handoff is one reassignment however often it is read.
   */
  private Decision<HandoffState> reassignToAgent(
      HandoffState state, HandoffRequested handoff, String traceId) {
    Reassigned reassigned =
        new Reassigned(
            handoff.goalId(),
            UUID.nameUUIDFromBytes(
                ("reassigned:" + handoff.escalationId()).getBytes(StandardCharsets.UTF_8)),
            handoff.eventId(),
            sla.now(),
            handoff.escalationId(),
            SYSTEM_ACTOR,
            handoff.target(),
            new ResolutionAudit(SlaClock.AUTHENTICATED_BY, List.of(), null, null, traceId));
    log.info(
        "goal {} handed from agent '{}' to {}",
        handoff.goalId(),
        handoff.fromAgent(),
        handoff.target());
    return Decision.of(
        state
            .with(InboxItem.pendingFrom(handoff, defaultSla, traceId).answered(reassigned))
            .heldBy(handoff.target()),
        reassigned);
  }

  /** The first answer wins; later ones and ones for unknown escalations change nothing. */
  private Decision<HandoffState> close(HandoffState state, ResolutionEvent resolution) {
    InboxItem item = state == null ? null : state.item(resolution.escalationId()).orElse(null);
    if (item == null) {
      log.warn(
          "{} for escalation {} of goal {}, which the inbox does not know",
          EventCodec.typeName(resolution),
          resolution.escalationId(),
          resolution.goalId());
      return Decision.of(state);
    }
    if (!item.isPending()) {
      log.info(
          "escalation {} was {} already; ignoring {}",
          item.escalationId(),
          item.resolution(),
          EventCodec.typeName(resolution));
      return Decision.of(state);
    }
    InboxItem answeredItem = item.answered(resolution);
    HandoffState answered = state.with(answeredItem);
    return timersOf(
        Decision.of(
            resolution instanceof Reassigned reassigned
                ? answered.heldBy(reassigned.newOwner())
                : answered),
        answeredItem);
  }

  /** A reminder is a line of the item's history while it waits; it answers nothing. */
  private static HandoffState reminded(HandoffState state, DeadlineNear reminder) {
    InboxItem item = state == null ? null : state.item(reminder.escalationId()).orElse(null);
    if (item == null || !item.isPending() || item.hasSeen(reminder.eventId())) {
      return state;
    }
    return state.with(item.reminded(reminder));
  }

  /** Why the policy stopped the action, for the item; kept aside if its escalation is not here. */
  private static HandoffState stoppedBy(HandoffState state, ActionEscalated escalated) {
    if (escalated.audit() == null) {
      return state;
    }
    HandoffState known = state == null ? HandoffState.empty() : state;
    return known
        .item(escalated.escalationId())
        .map(item -> known.with(item.withStoppedBy(escalated.audit())))
        .orElseGet(() -> known.withEarlyAudit(escalated.escalationId(), escalated.audit()));
  }

  /**
   * A pending item's reminder and deadline timers, set (again) for its deadline; an answered
   * item's, cancelled. A reminder already read back for this deadline is not set again; one whose
   * time has passed unsent (the escalation was read late) is due at once.
   */
  private Decision<HandoffState> timersOf(Decision<HandoffState> decision, InboxItem item) {
    String deadline = DEADLINE_TIMER + item.escalationId();
    String reminder = REMINDER_TIMER + item.escalationId();
    if (!item.isPending()) {
      return decision.cancelTimer(deadline).cancelTimer(reminder);
    }
    Decision<HandoffState> withDeadline = decision.withTimer(deadline, item.deadline());
    if (item.hasSeen(sla.reminderId(item))) {
      return withDeadline.cancelTimer(reminder);
    }
    Instant remindAt = sla.remindAt(item);
    Instant now = sla.now();
    return withDeadline.withTimer(reminder, remindAt.isAfter(now) ? remindAt : now);
  }

  /** Only a refusal of the answer in force reopens the item; any other is out of date. */
  private Decision<HandoffState> reopen(HandoffState state, ResolutionRefused refused) {
    InboxItem item = state == null ? null : state.item(refused.escalationId()).orElse(null);
    if (item == null
        || item.isPending()
        || !item.lastAnswer().eventId().equals(refused.causationId())) {
      log.info(
          "refusal of {} for escalation {} does not match its answer in force; ignored",
          refused.causationId(),
          refused.escalationId());
      return Decision.of(state);
    }
    log.info(
        "escalation {} waits again: the guardrail refused {} by {}: {}",
        refused.escalationId(),
        refused.resolution(),
        refused.actor(),
        refused.reason());
    InboxItem reopened = item.reopened(refused);
    return timersOf(Decision.of(state.with(reopened)), reopened);
  }
}
