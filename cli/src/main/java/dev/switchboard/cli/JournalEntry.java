package dev.switchboard.cli;

import java.time.Instant;

/** One event of a goal's journal, as the trace-service serves it. */
record JournalEntry(
    String topic,
    String type,
    String eventId,
    String causationId,
    Instant occurredAt,
    String summary) {

  /** What identifies the entry across polls; the eventId when the service gives one. */
  String identity() {
    return eventId != null ? eventId : topic + "/" + type + "/" + occurredAt + "/" + summary;
  }
}
