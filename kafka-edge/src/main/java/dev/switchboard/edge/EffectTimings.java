package dev.switchboard.edge;

import java.time.Duration;
import java.time.Instant;

/**
 * When an attempt must start, by when its worker reports, and when the edge stops waiting for it.
 * The run budget covers everything a worker may spend on one attempt: waiting for a concurrency
 * slot, every try with its timeout, and the backoff between retries.
 *
 * @param startTimeout from the intent to the latest start
 * @param deadlineGrace from the latest report to the deadline; longer than the worker's transaction
 *     timeout, so anything the worker commits in time is read before the deadline
 * @param maxAttempts intents per effect, the first included
 */
record EffectTimings(
    Duration startTimeout,
    Duration deadlineGrace,
    int maxAttempts,
    Duration bulkheadMaxWait,
    int retryMaxTries,
    Duration retryBackoff,
    double retryMultiplier) {

  PendingEffect firstAttempt(Effect effect, Instant now) {
    return attempt(
        effect.kind(), effect.request(), effect.retrySafe(), effect.timeout().toMillis(), 1, now);
  }

  PendingEffect nextAttempt(PendingEffect pending, Instant now) {
    return attempt(
        pending.kind(),
        pending.request(),
        pending.retrySafe(),
        pending.timeoutMillis(),
        pending.attempt() + 1,
        now);
  }

  Duration runBudget(boolean retrySafe, long timeoutMillis) {
    Duration timeout = Duration.ofMillis(timeoutMillis);
    if (!retrySafe) {
      return bulkheadMaxWait.plus(timeout);
    }
    // Every try may wait for a slot again.
    Duration budget = bulkheadMaxWait.plus(timeout).multipliedBy(retryMaxTries);
    double wait = retryBackoff.toMillis();
    for (int retry = 1; retry < retryMaxTries; retry++) {
      budget = budget.plusMillis((long) wait);
      wait *= retryMultiplier;
    }
    return budget;
  }

  private PendingEffect attempt(
      String kind,
      tools.jackson.databind.JsonNode request,
      boolean retrySafe,
      long timeoutMillis,
      int attempt,
      Instant now) {
    Instant startBy = now.plus(startTimeout);
    Instant resultBy = startBy.plus(runBudget(retrySafe, timeoutMillis));
    return new PendingEffect(
        kind,
        request,
        retrySafe,
        timeoutMillis,
        attempt,
        false,
        startBy,
        resultBy,
        resultBy.plus(deadlineGrace));
  }
}
