package dev.switchboard.handoff;

import dev.switchboard.contracts.event.ResolutionEvent;

/** Writes a person's answer to {@code resolution}; returns once Kafka has it. */
@FunctionalInterface
public interface ResolutionWriter {
  void write(ResolutionEvent resolution);
}
