package dev.switchboard.trace;

import dev.switchboard.contracts.GoalStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A goal's journal as {@code GET /api/goals/{goalId}} serves it: the head, every entry, and what
 * the entries tell (who held the goal when, each step, each wait for people).
 *
 * @param droppedEvents how many early events were dropped to stay within the per-goal cap
 * @param duration from submission (or the first event) to the end, or to now while it runs
 * @param waitedForPeople time spent on escalations, open ones up to now
 */
record GoalJournalView(
    String goalId,
    GoalStatus status,
    String agent,
    String description,
    Instant submittedAt,
    Instant updatedAt,
    String traceId,
    long version,
    Holding holder,
    Usage usage,
    List<JournalEntry> events,
    int droppedEvents,
    List<Holding> holders,
    List<GoalTimeline.Step> steps,
    List<GoalTimeline.PersonWait> waits,
    Instant endedAt,
    Duration duration,
    Duration waitedForPeople) {

  static GoalJournalView of(Journal journal, Instant now) {
    GoalTimeline timeline = GoalTimeline.of(journal.entries());
    Instant start =
        journal.submittedAt() != null
            ? journal.submittedAt()
            : journal.entries().isEmpty() ? null : journal.entries().getFirst().occurredAt();
    Instant end = timeline.endedAt() != null ? timeline.endedAt() : now;
    return new GoalJournalView(
        journal.goalId(),
        journal.status(),
        journal.agent(),
        journal.description(),
        journal.submittedAt(),
        journal.updatedAt(),
        journal.traceId(),
        journal.version(),
        journal.holder(),
        journal.usage(),
        journal.entries(),
        journal.droppedEntries(),
        timeline.holders(),
        timeline.steps(),
        timeline.waits(),
        timeline.endedAt(),
        start == null || end.isBefore(start) ? null : Duration.between(start, end),
        timeline.waitedForPeople(now));
  }
}
