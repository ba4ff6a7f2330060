package dev.switchboard.trace;

import dev.switchboard.contracts.GoalStatus;
import java.time.Instant;
import java.util.List;

/**
 * A goal's journal as {@code GET /api/goals/{goalId}} serves it.
 *
 * @param droppedEvents how many early events were dropped to stay within the per-goal cap
 */
record GoalJournalView(
    String goalId,
    GoalStatus status,
    String agent,
    String description,
    Instant submittedAt,
    Instant updatedAt,
    List<JournalEntry> events,
    int droppedEvents) {

  static GoalJournalView of(Journal journal) {
    return new GoalJournalView(
        journal.goalId(),
        journal.status(),
        journal.agent(),
        journal.description(),
        journal.submittedAt(),
        journal.updatedAt(),
        journal.entries(),
        journal.droppedEntries());
  }
}
