package dev.switchboard.edge;

import dev.switchboard.contracts.Service;
import dev.switchboard.contracts.Topic;
import dev.switchboard.contracts.event.OutcomeEvent.GoalCompleted;
import dev.switchboard.contracts.event.SwitchboardEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A goal processor for the edge's tests: counts a goal's events and reports the count as its
 * outcome, {@code GoalCompleted("seen <n> events")} caused by the event counted last.
 */
final class CountingGoals implements GoalProcessor<CountingGoals.Count> {
  record Count(int seen) {}

  private final List<Topic<?>> inputs;

  CountingGoals(Topic<?>... inputs) {
    this.inputs = List.of(inputs);
  }

  @Override
  public Service service() {
    return Service.PLANNER;
  }

  @Override
  public List<Topic<?>> inputs() {
    return inputs;
  }

  @Override
  public Class<Count> stateType() {
    return Count.class;
  }

  @Override
  public Decision<Count> decide(Count state, SwitchboardEvent event) {
    int seen = state == null ? 1 : state.seen() + 1;
    return Decision.of(
        new Count(seen),
        new GoalCompleted(
            event.goalId(),
            UUID.randomUUID(),
            event.eventId(),
            Instant.now(),
            "seen " + seen + " events",
            null));
  }
}
