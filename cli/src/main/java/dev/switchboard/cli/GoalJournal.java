package dev.switchboard.cli;

import java.util.List;
import java.util.Optional;

/** The trace-service's view of one goal: {@code GET /api/goals/{goalId}}. */
record GoalJournal(
    String goalId, GoalStatus status, String agent, String description, List<JournalEntry> events) {

  GoalJournal {
    status = status == null ? GoalStatus.UNKNOWN : status;
    events = events == null ? List.of() : List.copyOf(events);
  }

  /** The last entry on a topic, e.g. the outcome, if there is one. */
  Optional<JournalEntry> lastOn(String topic) {
    JournalEntry last = null;
    for (JournalEntry entry : events) {
      if (topic.equals(entry.topic())) {
        last = entry;
      }
    }
    return Optional.ofNullable(last);
  }
}
