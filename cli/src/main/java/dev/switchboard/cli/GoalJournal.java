package dev.switchboard.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The trace-service's view of one goal: {@code GET /api/goals/{goalId}}, or the {@code journal}
 * event of its live stream.
 *
 * @param traceId the goal's W3C trace id, when its records carried one
 */
record GoalJournal(
    String goalId,
    GoalStatus status,
    String agent,
    String description,
    String traceId,
    List<JournalEntry> events) {

  GoalJournal {
    status = status == null ? GoalStatus.UNKNOWN : status;
    events = events == null ? List.of() : List.copyOf(events);
  }

  /** An {@code update} event of the live stream: the goal's head and its entries since. */
  record Update(Head goal, List<JournalEntry> events) {
    Update {
      events = events == null ? List.of() : List.copyOf(events);
    }
  }

  /** The goal's head as an update carries it. */
  record Head(GoalStatus status, String agent, String description, String traceId) {}

  /** This journal with an update applied: the head replaced, the new entries added once. */
  GoalJournal with(Update update) {
    List<JournalEntry> merged = new ArrayList<>(events);
    Set<String> known = new HashSet<>();
    events.forEach(entry -> known.add(entry.identity()));
    update.events().stream().filter(entry -> known.add(entry.identity())).forEach(merged::add);
    Head head = update.goal();
    return head == null
        ? new GoalJournal(goalId, status, agent, description, traceId, merged)
        : new GoalJournal(
            goalId,
            head.status(),
            head.agent() != null ? head.agent() : agent,
            head.description() != null ? head.description() : description,
            head.traceId() != null ? head.traceId() : traceId,
            merged);
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
