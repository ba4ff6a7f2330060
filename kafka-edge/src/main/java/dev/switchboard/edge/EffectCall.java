package dev.switchboard.edge;

import tools.jackson.databind.JsonNode;

/**
 * One attempt of an effect as its {@link EffectHandler} sees it.
 *
 * @param effectId the idempotency key: the same effectId must never change the world twice
 * @param attempt 1 for the first intent; a re-issued intent (never started, or retry-safe) counts
 *     up
 */
public record EffectCall(String goalId, String effectId, int attempt, JsonNode request) {}
