package dev.switchboard.trace;

import java.time.Instant;

/**
 * Who held a goal for a while: an agent working on it, a queue of people it waits on, or a person
 * who took it over.
 *
 * @param name the agent's name, the queue (like {@code human:approvers}; null when not known yet)
 *     or the person
 * @param until null while it still holds the goal
 */
public record Holding(Kind kind, String name, Instant since, Instant until) {

  public enum Kind {
    AGENT,
    QUEUE,
    PERSON
  }

  boolean sameHolder(Kind otherKind, String otherName) {
    return kind == otherKind && (name == null ? otherName == null : name.equals(otherName));
  }

  /** Waiting on people: a queue, or a person who took the goal over. */
  boolean person() {
    return kind != Kind.AGENT;
  }

  Holding endedAt(Instant at) {
    return new Holding(kind, name, since, at);
  }
}
