package dev.switchboard.edge;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * An effect of a goal that has no result yet, as the edge keeps it in the goal's stored state.
 *
 * @param attempt the current intent's number
 * @param started a worker took the current attempt (non-retry-safe effects only report this)
 * @param startBy a worker runs the current attempt only if it can start by then
 * @param resultBy a worker publishes the result itself only until then
 * @param deadline when the edge stops waiting: the due time of the effect's deadline timer
 */
record PendingEffect(
    String kind,
    JsonNode request,
    boolean retrySafe,
    long timeoutMillis,
    int attempt,
    boolean started,
    Instant startBy,
    Instant resultBy,
    Instant deadline) {

  EffectRecord.Intent intent(String goalId, String effectId) {
    return new EffectRecord.Intent(
        goalId, effectId, kind, attempt, request, retrySafe, timeoutMillis, startBy, resultBy);
  }

  EffectCall call(String goalId, String effectId) {
    return new EffectCall(goalId, effectId, attempt, request);
  }

  PendingEffect withStarted() {
    return new PendingEffect(
        kind, request, retrySafe, timeoutMillis, attempt, true, startBy, resultBy, deadline);
  }
}
