package dev.switchboard.handoff;

import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.MalformedEventException;
import dev.switchboard.contracts.Service;
import dev.switchboard.contracts.Topic;
import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.event.EscalationEvent;
import dev.switchboard.contracts.event.ResolutionEvent;
import dev.switchboard.contracts.event.SwitchboardEvent;
import dev.switchboard.edge.Decision;
import dev.switchboard.edge.GoalProcessor;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each goal's escalations as inbox items: an escalation opens one, a resolution closes it. It
 * reads its own resolutions back, so the inbox closes an item only once the answer is durably on
 * {@code resolution}. It writes nothing itself; answers come in over HTTP.
 */
public final class Inbox implements GoalProcessor<HandoffState> {
  private static final Logger log = LoggerFactory.getLogger(Inbox.class);

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
      case EscalationEvent escalation -> Decision.of(open(state, escalation));
      case ResolutionEvent resolution -> Decision.of(close(state, resolution));
      default ->
          throw new MalformedEventException(
              "the inbox takes escalations and resolutions, not " + EventCodec.typeName(event));
    };
  }

  /** An escalation already known (sent again) keeps its item as it is, resolved or not. */
  private static HandoffState open(HandoffState state, EscalationEvent escalation) {
    HandoffState known = state == null ? HandoffState.empty() : state;
    if (known.item(escalation.escalationId()).isPresent()) {
      log.info("escalation {} is in the inbox already", escalation.escalationId());
      return known;
    }
    log.info(
        "escalation {} of goal {} waits in queue {}",
        escalation.escalationId(),
        escalation.goalId(),
        escalation.queue());
    return known.with(InboxItem.pendingFrom(escalation));
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
    return state.with(item.resolvedBy(resolution));
  }
}
