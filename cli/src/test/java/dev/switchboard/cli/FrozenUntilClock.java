package dev.switchboard.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.BooleanSupplier;

/**
 * A clock that stands still until a condition holds, then jumps a day ahead: a test's deadline
 * passes right after what it waits for has happened, however slow the machine is. After a minute of
 * real time it jumps anyway, so a condition that never holds fails the test instead of hanging.
 */
final class FrozenUntilClock extends Clock {
  private static final Instant START = Instant.parse("2026-01-02T10:00:00Z");

  private static final Duration GIVE_UP = Duration.ofMinutes(1);

  private final BooleanSupplier condition;
  private final long createdNanos = System.nanoTime();

  FrozenUntilClock(BooleanSupplier condition) {
    this.condition = condition;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    boolean jump = condition.getAsBoolean() || System.nanoTime() - createdNanos > GIVE_UP.toNanos();
    return jump ? START.plus(Duration.ofDays(1)) : START;
  }
}
