package dev.switchboard.cli;

import java.time.Instant;

/**
 * One event of a goal's journal, as the trace-service serves it.
 *
 * @param agent the agent the event is about (for a handoff: the agent handing the goal on)
 * @param target where a handoff goes: {@code agent:<name>} or {@code human:<queue>}
 */
record JournalEntry(
    String topic,
    String type,
    String eventId,
    String causationId,
    Instant occurredAt,
    String summary,
    String agent,
    String target) {

  /** What identifies the entry across polls; the eventId when the service gives one. */
  String identity() {
    return eventId != null ? eventId : topic + "/" + type + "/" + occurredAt + "/" + summary;
  }
}
