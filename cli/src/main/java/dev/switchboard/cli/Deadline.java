package dev.switchboard.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** When a command stops waiting; the demo starts it over after a person answered. */
final class Deadline {
  private final Clock clock;
  private final Duration timeout;
  private Instant at;

  Deadline(Clock clock, Duration timeout) {
    this.clock = clock;
    this.timeout = timeout;
    this.at = clock.instant().plus(timeout);
  }

  Duration timeout() {
    return timeout;
  }

  boolean passed() {
    return clock.instant().isAfter(at);
  }

  Duration remaining() {
    Duration left = Duration.between(clock.instant(), at);
    return left.isNegative() ? Duration.ZERO : left;
  }

  /** The whole timeout again from now. */
  void restart() {
    at = clock.instant().plus(timeout);
  }
}
