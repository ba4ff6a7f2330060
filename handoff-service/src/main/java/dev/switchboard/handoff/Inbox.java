package dev.switchboard.handoff;

import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.MalformedEventException;
import dev.switchboard.contracts.Service;
import dev.switchboard.contracts.Topic;
import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.event.EscalationEvent;
import dev.switchboard.contracts.event.EscalationEvent.HandoffRequested;
import dev.switchboard.contracts.event.EscalationEvent.ResolutionRefused;
import dev.switchboard.contracts.event.ResolutionEvent;
import dev.switchboard.contracts.event.ResolutionEvent.Reassigned;
import dev.switchboard.contracts.event.SwitchboardEvent;
import dev.switchboard.edge.Decision;
import dev.switchboard.edge.EventContext;
import dev.switchboard.edge.GoalProcessor;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
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
 */
public final class Inbox implements GoalProcessor<HandoffState> {
  /** The actor of resolutions the inbox writes without a person. */
  static final String SYSTEM_ACTOR = "system:handoff";

  private static final String AGENT_TARGET = "agent:";
  private static final Logger log = LoggerFactory.getLogger(Inbox.class);

  private final Duration defaultSla;
  private final Clock clock;

  /**
   * @param defaultSla the time to answer an escalation that names no SLA of its own
   */
  public Inbox(Duration defaultSla, Clock clock) {
    this.defaultSla = defaultSla;
    this.clock = clock;
  }

  @Override
  public Service service() {
    return Service.HANDOFF;
  }

  @Override
  public List<Topic<?>> inputs() {
    return List.of(Topics.ESCALATION, Topics.RESOLUTION);
  }

  @Override
  public Class<HandoffState> stateType() {
    return HandoffState.class;
  }

  /**
   * As {@link #decide(HandoffState, SwitchboardEvent)}, keeping the trace an escalation came in.
   */
  @Override
  public Decision<HandoffState> decide(
      HandoffState state, SwitchboardEvent event, EventContext context) {
    Decision<HandoffState> decision = decide(state, event);
    if (!(event instanceof EscalationEvent escalation)
        || event instanceof ResolutionRefused
        || decision.state() == null) {
      return decision;
    }
    return new Decision<>(
        decision.state().tracedIn(escalation.escalationId(), context),
        decision.emit(),
        decision.effects(),
        decision.timers());
  }

  @Override
  public Decision<HandoffState> decide(HandoffState state, SwitchboardEvent event) {
    return switch (event) {
      case ResolutionRefused refused -> Decision.of(reopen(state, refused));
      case EscalationEvent escalation -> open(state, escalation);
      case ResolutionEvent resolution -> Decision.of(close(state, resolution));
      default ->
          throw new MalformedEventException(
              "the inbox takes escalations and resolutions, not " + EventCodec.typeName(event));
    };
  }

  /** An escalation already known (sent again) keeps its item as it is, resolved or not. */
  private Decision<HandoffState> open(HandoffState state, EscalationEvent escalation) {
    HandoffState known = state == null ? HandoffState.empty() : state;
    if (known.item(escalation.escalationId()).isPresent()) {
      log.info("escalation {} is in the inbox already", escalation.escalationId());
      return Decision.of(known);
    }
    if (escalation instanceof HandoffRequested handoff
        && handoff.target().startsWith(AGENT_TARGET)) {
      return reassignToAgent(known, handoff);
    }
    InboxItem item = InboxItem.pendingFrom(escalation, defaultSla);
    log.info(
        "escalation {} of goal {} waits in queue {} until {}",
        escalation.escalationId(),
        escalation.goalId(),
        escalation.queue(),
        item.deadline());
    return Decision.of(known.with(item));
  }

  /**
   * An agent takes a goal handed to it at once: the item is resolved as it opens, and the goal's
   * new holder goes to {@code resolution}, where the planner picks it up. The eventId is derived
   * from the escalation, so the handoff is one reassignment however often it is read.
   */
  private Decision<HandoffState> reassignToAgent(HandoffState state, HandoffRequested handoff) {
    Reassigned reassigned =
        new Reassigned(
            handoff.goalId(),
            UUID.nameUUIDFromBytes(
                ("reassigned:" + handoff.escalationId()).getBytes(StandardCharsets.UTF_8)),
            handoff.eventId(),
            clock.instant(),
            handoff.escalationId(),
            SYSTEM_ACTOR,
            handoff.target());
    log.info(
        "goal {} handed from agent '{}' to {}",
        handoff.goalId(),
        handoff.fromAgent(),
        handoff.target());
    return Decision.of(
        state
            .with(InboxItem.pendingFrom(handoff, defaultSla).answered(reassigned))
            .heldBy(handoff.target()),
        reassigned);
  }

  /** The first answer wins; later ones and ones for unknown escalations change nothing. */
  private static HandoffState close(HandoffState state, ResolutionEvent resolution) {
    InboxItem item = state == null ? null : state.item(resolution.escalationId()).orElse(null);
    if (item == null) {
      log.warn(
          "{} for escalation {} of goal {}, which the inbox does not know",
          EventCodec.typeName(resolution),
          resolution.escalationId(),
          resolution.goalId());
      return state;
    }
    if (!item.isPending()) {
      log.info(
          "escalation {} was {} already; ignoring {}",
          item.escalationId(),
          item.resolution(),
          EventCodec.typeName(resolution));
      return state;
    }
    HandoffState answered = state.with(item.answered(resolution));
    return resolution instanceof Reassigned reassigned
        ? answered.heldBy(reassigned.newOwner())
        : answered;
  }

  /** Only a refusal of the answer in force reopens the item; any other is out of date. */
  private static HandoffState reopen(HandoffState state, ResolutionRefused refused) {
    InboxItem item = state == null ? null : state.item(refused.escalationId()).orElse(null);
    if (item == null
        || item.isPending()
        || !item.lastAnswer().eventId().equals(refused.causationId())) {
      log.info(
          "refusal of {} for escalation {} does not match its answer in force; ignored",
          refused.causationId(),
          refused.escalationId());
      return state;
    }
    log.info(
        "escalation {} waits again: the guardrail refused {} by {}: {}",
        refused.escalationId(),
        refused.resolution(),
        refused.actor(),
        refused.reason());
    return state.with(item.reopened(refused));
  }
}
