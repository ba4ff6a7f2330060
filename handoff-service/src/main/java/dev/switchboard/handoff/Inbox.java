package dev.switchboard.handoff;

import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.MalformedEventException;
import dev.switchboard.contracts.Service;
import dev.switchboard.contracts.Topic;
import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.event.EscalationEvent;
import dev.switchboard.contracts.event.EscalationEvent.HandoffRequested;
import dev.switchboard.contracts.event.ResolutionEvent;
import dev.switchboard.contracts.event.ResolutionEvent.Reassigned;
import dev.switchboard.contracts.event.SwitchboardEvent;
import dev.switchboard.edge.Decision;
import dev.switchboard.edge.GoalProcessor;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each goal's escalations as inbox items: an escalation opens one, a resolution closes it. It
 * reads its own resolutions back, so the inbox closes an item only once the answer is durably on
 * {@code resolution}. People's answers come in over HTTP; the one thing it writes itself is the
 * {@code Reassigned} of a handoff to an agent, which needs no person. It records who holds the
 * goal.
 */
public final class Inbox implements GoalProcessor<HandoffState> {
  /** The actor of resolutions the inbox writes without a person. */
  static final String SYSTEM_ACTOR = "system:handoff";

  private static final String AGENT_TARGET = "agent:";
  private static final Logger log = LoggerFactory.getLogger(Inbox.class);

  private final Clock clock;

  public Inbox() {
    this(Clock.systemUTC());
  }

  public Inbox(Clock clock) {
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

  @Override
  public Decision<HandoffState> decide(HandoffState state, SwitchboardEvent event) {
    return switch (event) {
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
    log.info(
        "escalation {} of goal {} waits in queue {}",
        escalation.escalationId(),
        escalation.goalId(),
        escalation.queue());
    return Decision.of(known.with(InboxItem.pendingFrom(escalation)));
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
        state.with(InboxItem.pendingFrom(handoff).resolvedBy(reassigned)).heldBy(handoff.target()),
        reassigned);
  }

  /** The first resolution wins; later ones and ones for unknown escalations change nothing. */
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
    HandoffState resolved = state.with(item.resolvedBy(resolution));
    return resolution instanceof Reassigned reassigned
        ? resolved.heldBy(reassigned.newOwner())
        : resolved;
  }
}
