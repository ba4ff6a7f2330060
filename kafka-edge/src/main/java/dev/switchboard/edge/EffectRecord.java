package dev.switchboard.edge;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * The records of a service's internal effect topics, keyed by goalId: intents on {@code
 * <appId>-effects} (written by the stream, read by the worker); markers, results and due timers on
 * {@code <appId>-effect-results} (read back by the stream, in order with everything else of the
 * goal's partition).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = EffectRecord.Intent.class, name = "Intent"),
  @JsonSubTypes.Type(value = EffectRecord.Started.class, name = "Started"),
  @JsonSubTypes.Type(value = EffectRecord.Skipped.class, name = "Skipped"),
  @JsonSubTypes.Type(value = EffectRecord.Finished.class, name = "Finished"),
  @JsonSubTypes.Type(value = EffectRecord.TimerDue.class, name = "TimerDue")
})
sealed interface EffectRecord {
  String goalId();

  /**
   * Run this attempt if it can start by {@code startBy}; report by {@code resultBy}.
   *
   * @param timeoutMillis longest time of one call
   */
  record Intent(
      String goalId,
      String effectId,
      String kind,
      int attempt,
      JsonNode request,
      boolean retrySafe,
      long timeoutMillis,
      Instant startBy,
      Instant resultBy)
      implements EffectRecord {
    EffectCall call() {
      return new EffectCall(goalId, effectId, attempt, request);
    }
  }

  /** A worker took a non-retry-safe attempt and is about to run it; committed before the call. */
  record Started(String goalId, String effectId, int attempt) implements EffectRecord {}

  /** A worker did not run the attempt (too late to start, or no handler): it never ran. */
  record Skipped(String goalId, String effectId, int attempt, String reason)
      implements EffectRecord {}

  /**
   * The attempt ended.
   *
   * @param published whether the worker wrote the handler's result events with it; it does not once
   *     past {@code resultBy}, when the stream may have decided already
   */
  record Finished(EffectResult result, boolean published) implements EffectRecord {
    @Override
    public String goalId() {
      return result.goalId();
    }
  }

  /**
   * A timer fell due; the stream acts on it when it reads this back.
   *
   * @param traceparent the trace context the timer was set in, so its firing continues the trace
   */
  record TimerDue(String goalId, String name, long dueMillis, String traceparent)
      implements EffectRecord {
    TimerDue(String goalId, String name, long dueMillis) {
      this(goalId, name, dueMillis, null);
    }

    TimerKey key() {
      return new TimerKey(dueMillis, goalId, name);
    }
  }
}
