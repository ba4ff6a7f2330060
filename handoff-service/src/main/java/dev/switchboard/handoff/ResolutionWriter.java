package dev.switchboard.handoff;

import dev.switchboard.contracts.event.ResolutionEvent;
import dev.switchboard.edge.EventContext;

/** Writes a person's answer to {@code resolution}; returns once Kafka has it. */
@FunctionalInterface
public interface ResolutionWriter {
  void write(ResolutionEvent resolution);

  /**
   * Writes a person's answer to an item, continuing the trace its escalation was read in.
   *
   * @param escalatedIn the escalation's trace context (none when it had none)
   */
  default void write(ResolutionEvent resolution, InboxItem item, EventContext escalatedIn) {
    write(resolution);
  }
}
