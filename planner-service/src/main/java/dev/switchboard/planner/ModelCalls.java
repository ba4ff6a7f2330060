package dev.switchboard.planner;

import dev.switchboard.edge.Decision;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * How a model call leaves the planner: never on the stream thread. The seam for kafka-edge's
 * durable effects: {@code Decision.withEffect(new Effect(turn.turnId(), "chat", request, true,
 * timeout))}, whose result comes back to {@link GoalPlanner#onModelReply}. Until the edge has
 * effects, {@link #NONE} is used and a goal that needs a model call fails with the reason.
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
