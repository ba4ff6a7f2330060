package dev.switchboard.edge;

import dev.switchboard.contracts.event.SwitchboardEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a {@link GoalProcessor} decided for one event, effect result or timer: all of it is written
 * in one exactly-once transaction.
 *
 * @param state the goal's new state (null keeps none)
 * @param emit events to write
 * @param effects work to run outside Kafka once the transaction has committed
 * @param timers durable timers to set or cancel for this goal
 */
public record Decision<S>(
    S state, List<SwitchboardEvent> emit, List<Effect> effects, List<TimerChange> timers) {
  public Decision {
    emit = List.copyOf(emit);
    effects = effects == null ? List.of() : List.copyOf(effects);
    timers = timers == null ? List.of() : List.copyOf(timers);
  }

  public Decision(S state, List<SwitchboardEvent> emit) {
    this(state, emit, List.of(), List.of());
  }

  public static <S> Decision<S> of(S state, SwitchboardEvent... emit) {
    return new Decision<>(state, List.of(emit));
  }

  public static <S> Decision<S> of(S state, List<? extends SwitchboardEvent> emit) {
    return new Decision<>(state, List.copyOf(emit));
  }

  /** Also run this effect. */
  public Decision<S> withEffect(Effect effect) {
    List<Effect> more = new ArrayList<>(effects);
    more.add(effect);
    return new Decision<>(state, emit, more, timers);
  }

  /** Also call {@link GoalProcessor#onTimer} for this goal at {@code at}. */
  public Decision<S> withTimer(String timerId, Instant at) {
    return withTimerChange(new TimerChange.Schedule(timerId, at));
  }

  /** Also forget this goal's timer. */
  public Decision<S> cancelTimer(String timerId) {
    return withTimerChange(new TimerChange.Cancel(timerId));
  }

  private Decision<S> withTimerChange(TimerChange change) {
    List<TimerChange> more = new ArrayList<>(timers);
    more.add(change);
    return new Decision<>(state, emit, effects, more);
  }
}
