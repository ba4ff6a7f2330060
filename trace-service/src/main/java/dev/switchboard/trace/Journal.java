package dev.switchboard.trace;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.switchboard.contracts.GoalStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What the trace knows about one goal: its status, who holds it, and every event seen, sorted by
 * when it happened. Kept per goal by the Kafka edge in a changelogged store.
 *
 * <p>The fields before {@code entries} are the goal's head: lists read only them from the stored
 * JSON (see {@link JournalHeads}), so they stay first and small.
 *
 * @param description the goal in its submitter's words; null until GoalSubmitted is seen
 * @param submittedAt when the goal was submitted; null until GoalSubmitted is seen
 * @param updatedAt when the latest event happened
 * @param traceId the W3C trace id of the goal's records, from the first record that carried one
 * @param version how many events the journal took: 1 after the first, one more per new event; the
 *     {@code seq} of the entry each one made
 * @param steps how many actions were proposed (or seen) so far
 * @param holder who holds the goal now; null before anyone did and once it ended
 * @param usage model tokens and cost reported so far; null when none was
 * @param droppedEntries how many entries were dropped to stay within the cap
 * @param statusSince when the event that set the current status happened, so an older event
 *     arriving late does not undo a newer status
 * @param entries events sorted by occurredAt, ties in arrival order
 * @param names tools and queues named by earlier events, for readable summaries
 */
@JsonPropertyOrder({
  "goalId",
  "status",
  "agent",
  "description",
  "submittedAt",
  "updatedAt",
  "traceId",
  "version",
  "steps",
  "holder",
  "usage",
  "droppedEntries",
  "statusSince",
  "entries",
  "names"
})
public record Journal(
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
    Usage usage,
    int droppedEntries,
    Instant statusSince,
    List<JournalEntry> entries,
    KnownNames names) {
  /** Longer descriptions are cut, so one goal's state stays well inside one Kafka record. */
  static final int MAX_DESCRIPTION_LENGTH = 1000;

  /**
   * The entries' share of the goal's one Kafka record (1 MB by default), counted as UTF-8: beyond
   * it the oldest entries after the first are dropped, as beyond the entry cap.
   */
  static final int MAX_ENTRIES_BYTES = 400_000;

  public Journal {
    status = status == null ? GoalStatus.RUNNING : status;
    entries = entries == null ? List.of() : List.copyOf(entries);
    names = names == null ? KnownNames.none() : names;
  }

  /** A goal seen for the first time, by whichever event came first. */
  static Journal open(String goalId) {
    return new Journal(
        goalId,
        GoalStatus.RUNNING,
        null,
        null,
        null,
        null,
        null,
        0,
        0,
        null,
        null,
        0,
        null,
        List.of(),
        null);
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
        traceId,
        version,
        steps,
        holder,
        usage,
        droppedEntries,
        statusSince,
        entries,
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
        traceId,
        version,
        steps,
        holder,
        usage,
        droppedEntries,
        statusSince,
        entries,
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
        traceId,
        version,
        steps,
        holder,
        usage,
        droppedEntries,
        statusSince,
        entries,
        newNames);
  }

  /** The first valid trace id seen stays: every later record of the goal continues that trace. */
  Journal withTraceIdIfUnknown(String newTraceId) {
    if (traceId != null || newTraceId == null) {
      return this;
    }
    return new Journal(
        goalId,
        status,
        agent,
        description,
        submittedAt,
        updatedAt,
        newTraceId,
        version,
        steps,
        holder,
        usage,
        droppedEntries,
        statusSince,
        entries,
        names);
  }

  /** The head fields that the entries tell: steps, holder and usage. */
  Journal withTimeline(GoalTimeline timeline) {
    return new Journal(
        goalId,
        status,
        agent,
        description,
        submittedAt,
        updatedAt,
        traceId,
        version,
        timeline.steps().size(),
        timeline.holder(),
        timeline.usage(),
        droppedEntries,
        statusSince,
        entries,
        names);
  }

  /**
   * Adds the entry in occurredAt order (after entries of the same instant) and takes its seq as the
   * journal's version. Beyond {@code maxEntries}, or {@link #MAX_ENTRIES_BYTES}, the oldest entry
   * after the first is dropped: the first shows how the goal began.
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
    long bytes = 0;
    for (JournalEntry kept : sorted) {
      bytes += kept.encodedBytes();
    }
    while (sorted.size() > 1 && (sorted.size() > maxEntries || bytes > MAX_ENTRIES_BYTES)) {
      bytes -= sorted.remove(sorted.size() > 1 ? 1 : 0).encodedBytes();
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
        traceId,
        Math.max(version, entry.seq()),
        steps,
        holder,
        usage,
        dropped,
        statusSince,
        sorted,
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
        traceId,
        version,
        steps,
        holder,
        usage,
        droppedEntries,
        outdated ? statusSince : at,
        entries,
        names);
  }

  /** The entries this journal made after {@code version}, in journal order. */
  List<JournalEntry> entriesAfter(long sinceVersion) {
    return entries.stream().filter(entry -> entry.seq() > sinceVersion).toList();
  }
}
