package dev.switchboard.contracts.event;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.UUID;

/**
 * What every event on every topic carries. The per-topic sealed interfaces list the facts each
 * topic may hold; a {@code switch} over them is exhaustive.
 */
public sealed interface SwitchboardEvent
    permits GoalEvent,
        PlanEvent,
        VerdictEvent,
        ActionRequestEvent,
        ActionResultEvent,
        EscalationEvent,
        ResolutionEvent,
        OutcomeEvent {

  /** Version of the wire format; bumped only for incompatible changes. */
  int SCHEMA_VERSION = 1;

  /** The goal this event belongs to; also the Kafka record key. */
  String goalId();

  /** Unique per event; consumers are idempotent on it. */
  UUID eventId();

  /** The event that caused this one, or null for a goal submitted from outside. */
  UUID causationId();

  Instant occurredAt();

  @JsonProperty("schemaVersion")
  default int schemaVersion() {
    return SCHEMA_VERSION;
  }
}
