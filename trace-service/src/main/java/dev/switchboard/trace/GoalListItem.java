package dev.switchboard.trace;

import dev.switchboard.contracts.GoalStatus;
import java.time.Instant;

/** One goal in {@code GET /api/goals}. */
record GoalListItem(
    String goalId, GoalStatus status, String agent, String description, Instant updatedAt) {

  static GoalListItem of(Journal journal) {
    return new GoalListItem(
        journal.goalId(),
        journal.status(),
        journal.agent(),
        journal.description(),
        journal.updatedAt());
  }
}
