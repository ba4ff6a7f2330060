package dev.switchboard.trace;

import java.time.Instant;
import java.util.UUID;

/**
 * One event of a goal as the journal shows it: where it came from and one line a person can read.
 *
 * @param topic the catalog topic's base name, like {@code plan}
 * @param type the event type as written on the wire, like {@code StepsProposed}
 */
public record JournalEntry(
    String topic,
    String type,
    UUID eventId,
    UUID causationId,
    Instant occurredAt,
    String summary) {}
