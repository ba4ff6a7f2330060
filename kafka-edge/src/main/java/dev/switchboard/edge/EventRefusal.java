package dev.switchboard.edge;

import dev.switchboard.contracts.MalformedEventException;

/**
 * A processor's "no" to an event that reads fine but does not fit the goal's state (a result for an
 * action nobody allowed, an approval nobody asked for): thrown from {@link GoalProcessor#decide},
 * it dead-letters the event on {@code <topic>.dlq} with {@code refused: <reason>} and changes
 * nothing, like any record the edge cannot take.
 */
public final class EventRefusal extends MalformedEventException {
  public EventRefusal(String reason) {
    super("refused: " + reason);
  }
}
