package dev.switchboard.trace;

import dev.switchboard.contracts.GoalStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What the trace knows about one goal: its status and every event seen, sorted by when it happened.
 * Kept per goal by the Kafka edge in a changelogged store.
 *
 * @param description the goal in its submitter's words; null until GoalSubmitted is seen
 * @param submittedAt when the goal was submitted; null until GoalSubmitted is seen
 * @param updatedAt when the latest event happened
 * @param entries events sorted by occurredAt, ties in arrival order
 * @param droppedEntries how many entries were dropped to stay within the cap
 * @param statusSince when the event that set the current status happened, so an older event
 *     arriving late does not undo a newer status
 * @param names tools and queues named by earlier events, for readable summaries
 */
public record Journal(
    String goalId,
    GoalStatus status,
    String agent,
    String description,
    Instant submittedAt,
    Instant updatedAt,
    List<JournalEntry> entries,
    int droppedEntries,
    Instant statusSince,
    KnownNames names) {
  /** Longer descriptions are cut, so one goal's state stays well inside one Kafka record. */
  static final int MAX_DESCRIPTION_LENGTH = 1000;

  public Journal {
    status = status == null ? GoalStatus.RUNNING : status;
    entries = entries == null ? List.of() : List.copyOf(entries);
    names = names == null ? KnownNames.none() : names;
  }

  /** A goal seen for the first time, by whichever event came first. */
  static Journal open(String goalId) {
    return new Journal(
        goalId, GoalStatus.RUNNING, null, null, null, null, List.of(), 0, null, null);
  }

  boolean contains(UUID eventId) {
    return entries.stream().anyMatch(entry -> entry.eventId().equals(eventId));
  }

  /** The first submission of the goal names it; a repeated one changes nothing here. */
  Journal submitted(String submittedAgent, String submittedDescription, Instant at) {
    if (submittedAt != null) {
      return this;
    }
    return new Journal(
        goalId,
        status,
        submittedAgent != null ? submittedAgent : agent,
        EventSummaries.shortened(submittedDescription, MAX_DESCRIPTION_LENGTH),
        at,
        updatedAt,
        entries,
        droppedEntries,
        statusSince,
        names);
  }

  /** Fills in the agent when the submission left it to the default. */
  Journal withAgentIfUnknown(String knownAgent) {
    return agent != null || knownAgent == null ? this : assignedTo(knownAgent);
  }

  Journal assignedTo(String newAgent) {
    return new Journal(
        goalId,
        status,
        newAgent,
        description,
        submittedAt,
        updatedAt,
        entries,
        droppedEntries,
        statusSince,
        names);
  }

  Journal withNames(KnownNames newNames) {
    return new Journal(
        goalId,
        status,
        agent,
        description,
        submittedAt,
        updatedAt,
        entries,
        droppedEntries,
        statusSince,
        newNames);
  }

  /**
   * Adds the entry in occurredAt order (after entries of the same instant). Beyond {@code
   * maxEntries} the oldest entry after the first is dropped: the first shows how the goal began.
   */
  Journal append(JournalEntry entry, int maxEntries) {
    List<JournalEntry> sorted = new ArrayList<>(entries.size() + 1);
    sorted.addAll(entries);
    int position = sorted.size();
    while (position > 0 && sorted.get(position - 1).occurredAt().isAfter(entry.occurredAt())) {
      position--;
    }
    sorted.add(position, entry);
    int dropped = droppedEntries;
    while (sorted.size() > maxEntries) {
      sorted.remove(1);
      dropped++;
    }
    Instant latest =
        updatedAt == null || entry.occurredAt().isAfter(updatedAt) ? entry.occurredAt() : updatedAt;
    return new Journal(
        goalId,
        status,
        agent,
        description,
        submittedAt,
        latest,
        sorted,
        dropped,
        statusSince,
        names);
  }

  /**
   * Moves to {@code next} as of {@code at}. A terminal status never changes; an event older than
   * the one that set the current status (it arrived late, from another topic) does not undo it,
   * except that the goal's end always wins.
   */
  Journal movedTo(GoalStatus next, Instant at) {
    boolean outdated = statusSince != null && at.isBefore(statusSince);
    if (status.ended() || (outdated && !next.ended())) {
      return this;
    }
    return new Journal(
        goalId,
        next,
        agent,
        description,
        submittedAt,
        updatedAt,
        entries,
        droppedEntries,
        outdated ? statusSince : at,
        names);
  }
}
