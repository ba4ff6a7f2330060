package dev.switchboard.edge;

import dev.switchboard.contracts.Service;
import dev.switchboard.contracts.Topic;
import dev.switchboard.contracts.event.SwitchboardEvent;
import java.time.Instant;
import java.util.List;

/**
 * A service's logic as a plain class: given what it knows about one goal and the next event of that
 * goal, it decides its new knowledge, the events to write, the effects to run and the timers to
 * set. The Kafka edge does the rest: reading, exactly-once writing, durable per-goal state,
 * deduplication by eventId, dead letters, running effects off the stream thread, durable timers.
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

  /**
   * An effect this goal asked for has ended; called once per effect. The events its handler builds
   * for the result ({@link EffectHandler#resultEvents}) are written already or with this decision.
   */
  default Decision<S> onEffectResult(S state, EffectResult result) {
    return Decision.of(state);
  }

  /**
   * A timer this goal set is due; called once, unless it was cancelled or set again before. The
   * goal id comes along: a state need not hold it, the events the timer causes must.
   */
  default Decision<S> onTimer(S state, String goalId, String timerId, Instant now) {
    return Decision.of(state);
  }
}
