package dev.switchboard.planner.llm;

import dev.switchboard.edge.Decision;
import dev.switchboard.edge.Effect;
import dev.switchboard.planner.ModelCalls;
import dev.switchboard.planner.ModelTurn;
import dev.switchboard.planner.PlannerState;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Model calls as kafka-edge's durable {@code chat} effects: the turn's intent commits with the
 * goal's state, the {@link ChatEffectHandler} runs it on the effect worker, and the reply comes
 * back to {@code GoalPlanner.onEffectResult}. Retry-safe: asking a model twice changes nothing
 * outside, and a turn takes only its first reply, so tokens count once.
 *
 * @param timeout the longest one call may take, the provider client's own retries included
 */
public record ChatEffects(Duration timeout) implements ModelCalls {

  /** Covers the provider client's timeout on each of its tries, with a margin for its backoff. */
  public static ChatEffects of(LlmProperties llm) {
    return new ChatEffects(llm.timeout().multipliedBy(llm.maxRetries() + 1L).plusSeconds(10));
  }

  @Override
  public Optional<Decision<PlannerState>> start(
      PlannerState goal, ModelTurn turn, JsonNode request) {
    return Optional.of(
        Decision.of(goal)
            .withEffect(new Effect(turn.turnId(), ChatEffectHandler.KIND, request, true, timeout)));
  }
}
