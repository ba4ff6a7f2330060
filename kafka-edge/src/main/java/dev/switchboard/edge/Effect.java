package dev.switchboard.edge;

import java.time.Duration;
import tools.jackson.databind.JsonNode;

/**
 * Work a {@link GoalProcessor} asks for outside Kafka (a tool call, a model call). The edge writes
 * its intent in the same transaction as the goal's new state, runs it once that transaction has
 * committed, and feeds the outcome back through {@link GoalProcessor#onEffectResult}.
 *
 * @param effectId unique within the goal (the executor uses the actionId); also the idempotency key
 *     handed to the handler
 * @param kind which {@link EffectHandler} runs it, e.g. {@code tool} or {@code chat}
 * @param request what the handler needs, as JSON (kept in the goal's state until the result)
 * @param retrySafe true when running it twice does no harm: only then is it retried, or re-run
 *     after a crash during the call
 * @param timeout longest time one call may take
 */
public record Effect(
    String effectId, String kind, JsonNode request, boolean retrySafe, Duration timeout) {
  public Effect {
    if (effectId == null || effectId.isBlank()) {
      throw new IllegalArgumentException("an effect needs an effectId");
    }
    if (kind == null || kind.isBlank()) {
      throw new IllegalArgumentException("an effect needs a kind");
    }
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("an effect's timeout must be positive");
    }
  }
}
