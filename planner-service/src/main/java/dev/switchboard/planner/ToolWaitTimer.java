package dev.switchboard.planner;

import dev.switchboard.edge.Decision;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The kafka-edge durable timer of a goal that waits for unlisted tools ({@link ToolWait}): due at
 * its next check, moved with it, cancelled once the goal no longer waits. Derived from the state
 * before and after each decision, like {@link WallTimeTimer}.
 */
final class ToolWaitTimer {
  /** The timer's id among the goal's timers. */
  static final String ID = "tool-wait";

  private ToolWaitTimer() {}

  static Decision<PlannerState> follow(PlannerState before, Decision<PlannerState> decision) {
    Optional<Instant> was = nextCheck(before);
    Optional<Instant> now = nextCheck(decision.state());
    if (Objects.equals(was, now)) {
      return decision;
    }
    return now.map(at -> decision.withTimer(ID, at)).orElseGet(() -> decision.cancelTimer(ID));
  }

  static Optional<Instant> nextCheck(PlannerState state) {
    return state == null || state.status().ended() || state.toolWait() == null
        ? Optional.empty()
        : Optional.of(state.toolWait().nextCheck());
  }

  /** The cause of what a check decides: one per check, so a replay derives the same ids. */
  static UUID causeOf(String goalId, Instant due) {
    return UUID.nameUUIDFromBytes(
        ("timer|" + goalId + "|" + ID + "|" + due.toEpochMilli()).getBytes(StandardCharsets.UTF_8));
  }
}
