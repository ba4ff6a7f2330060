package dev.switchboard.edge;

import java.time.Instant;

/** A change to a goal's durable timers, asked for in a {@link Decision}. */
public sealed interface TimerChange {
  String timerId();

  /** Call {@link GoalProcessor#onTimer} at {@code at}; replaces a timer of the same id. */
  record Schedule(String timerId, Instant at) implements TimerChange {
    public Schedule {
      TimerKey.requireTimerId(timerId);
      if (at == null) {
        throw new IllegalArgumentException("timer '" + timerId + "' needs a time");
      }
    }
  }

  /** Forget the timer; nothing happens when it was not set. */
  record Cancel(String timerId) implements TimerChange {
    public Cancel {
      TimerKey.requireTimerId(timerId);
    }
  }
}
