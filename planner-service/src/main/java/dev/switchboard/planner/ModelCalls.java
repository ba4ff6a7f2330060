package dev.switchboard.planner;

import dev.switchboard.edge.Decision;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * How a model call leaves the planner: never on the stream thread. With a provider configured it is
 * kafka-edge's durable {@code chat} effect ({@code llm.ChatEffects}), whose result comes back to
 * {@link GoalPlanner#onEffectResult}; without one, {@link #NONE}, and a goal that needs a model
 * call fails with the reason.
 */
public interface ModelCalls {

  /** No model calls from this planner. */
  ModelCalls NONE = (goal, turn, request) -> Optional.empty();

  /**
   * @param goal the goal with the turn recorded as under way
   * @return the decision that starts the call; empty when this planner cannot make it
   */
  Optional<Decision<PlannerState>> start(PlannerState goal, ModelTurn turn, JsonNode request);
}
