package dev.switchboard.cli;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** A goal's status as the trace-service journal reports it. */
enum GoalStatus {
  RUNNING,
  WAITING_FOR_HUMAN,
  COMPLETED,
  FAILED,
  CANCELLED,
  /** A status this CLI does not know yet (a newer trace-service). */
  @JsonEnumDefaultValue
  UNKNOWN;

  boolean ended() {
    return this == COMPLETED || this == FAILED || this == CANCELLED;
  }
}
