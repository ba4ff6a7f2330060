package dev.switchboard.edge;

import dev.switchboard.contracts.Service;
import dev.switchboard.contracts.Topic;
import dev.switchboard.contracts.event.SwitchboardEvent;
import java.util.List;

/**
 * A service's logic as a plain class: given what it knows about one goal and the next event of that
 * goal, it decides its new knowledge and the events to write. The Kafka edge does the rest:
 * reading, exactly-once writing, durable per-goal state, deduplication by eventId, dead letters.
 *
 * @param <S> the per-goal state; a JSON-serializable record
 */
public interface GoalProcessor<S> {

  /** Which part of Switchboard this is; it may write only the topics the catalog gives it. */
  Service service();

  List<Topic<?>> inputs();

  Class<S> stateType();

  /**
   * @param state what this service knew about the goal, or null for a goal it has not seen
   */
  Decision<S> decide(S state, SwitchboardEvent event);

  /**
   * The edge calls this one; it adds what the event's record carried (its trace context). Override
   * it only when the logic needs that.
   */
  default Decision<S> decide(S state, SwitchboardEvent event, EventContext context) {
    return decide(state, event);
  }
}
