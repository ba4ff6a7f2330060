package dev.switchboard.edge;

import dev.switchboard.contracts.event.SwitchboardEvent;
import java.util.List;

/**
 * What a {@link GoalProcessor} decided for one event.
 *
 * @param state the goal's new state (null keeps none)
 * @param emit events to write, atomically with the new state
 */
public record Decision<S>(S state, List<SwitchboardEvent> emit) {
  public Decision {
    emit = List.copyOf(emit);
  }

  public static <S> Decision<S> of(S state, SwitchboardEvent... emit) {
    return new Decision<>(state, List.of(emit));
  }

  public static <S> Decision<S> of(S state, List<? extends SwitchboardEvent> emit) {
    return new Decision<>(state, List.copyOf(emit));
  }
}
