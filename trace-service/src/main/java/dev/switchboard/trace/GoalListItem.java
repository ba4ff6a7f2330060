package dev.switchboard.trace;

import dev.switchboard.contracts.GoalStatus;
import java.time.Instant;

/**
 * One goal in {@code GET /api/goals} and the goals stream: its head, without the entries.
 *
 * @param version the journal's version; a client keeps the highest it has seen per goal
 * @param holder who holds the goal now: its agent, a queue of people it waits on, or a person
 */
record GoalListItem(
    String goalId,
    GoalStatus status,
    String agent,
    String description,
    Instant submittedAt,
    Instant updatedAt,
    String traceId,
    long version,
    int steps,
    Holding holder,
    Usage usage) {

  static GoalListItem of(Journal journal) {
    return new GoalListItem(
        journal.goalId(),
        journal.status(),
        journal.agent(),
        journal.description(),
        journal.submittedAt(),
        journal.updatedAt(),
        journal.traceId(),
        journal.version(),
        journal.steps(),
        journal.holder(),
        journal.usage());
  }

  /** Waiting on a queue of people or held by a person. */
  public boolean withPeople() {
    return holder != null && holder.person();
  }
}
