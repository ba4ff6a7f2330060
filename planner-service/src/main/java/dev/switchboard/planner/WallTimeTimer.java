package dev.switchboard.planner;

import dev.switchboard.edge.Decision;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Keeps a goal's wall-time budget as one kafka-edge durable timer: set when an agent takes the
 * goal, moved when another agent takes it, cancelled when the goal ends. Derived from the state
 * before and after each decision, so the state needs no record of it.
 */
final class WallTimeTimer {
  /** The timer's id among the goal's timers. */
  static final String ID = "wall-time";

  private final Function<PlannerState, Optional<Instant>> deadline;

  /**
   * @param deadline when the current agent's wall-time budget runs out; empty for an ended goal
   */
  WallTimeTimer(Function<PlannerState, Optional<Instant>> deadline) {
    this.deadline = deadline;
  }

  /** The decision with the timer set, moved or cancelled as the goal's new state needs. */
  Decision<PlannerState> follow(PlannerState before, Decision<PlannerState> decision) {
    Optional<Instant> was = before == null ? Optional.empty() : deadline.apply(before);
    Optional<Instant> now =
        decision.state() == null ? Optional.empty() : deadline.apply(decision.state());
    if (Objects.equals(was, now)) {
      return decision;
    }
    return now.map(at -> decision.withTimer(ID, at)).orElseGet(() -> decision.cancelTimer(ID));
  }

  /** The cause of what a due timer decides: one per deadline, so a replay derives the same ids. */
  static UUID causeOf(String goalId, Instant due) {
    return UUID.nameUUIDFromBytes(
        ("timer|" + goalId + "|" + ID + "|" + due.toEpochMilli()).getBytes(StandardCharsets.UTF_8));
  }
}
