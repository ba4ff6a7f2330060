package dev.switchboard.planner;

import dev.switchboard.contracts.event.PlannedAction;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The default planner: no model, no network. It walks the agent's SOP in order and proposes the
 * first step that has no result yet, its arguments filled from the goal and earlier results.
 */
public final class DeterministicPlanner {
  private static final String INPUTS = "inputs.";

  public NextSteps next(AgentSpec agent, PlannerState goal) {
    List<SopStep> sop = agent.sop();
    for (int index = 0; index < sop.size(); index++) {
      String actionId = AgentSpec.actionId(goal.goalId(), index);
      if (goal.results().containsKey(actionId)) {
        continue;
      }
      if (goal.isPending(actionId)) {
        return new NextSteps.AwaitResults();
      }
      return propose(goal, sop.get(index), index);
    }
    return new NextSteps.GoalMet(
        "Agent '" + agent.name() + "' completed all " + sop.size() + " steps");
  }

  private static NextSteps propose(PlannerState goal, SopStep step, int index) {
    ArgumentTemplate.Rendered rendered =
        ArgumentTemplate.render(step.arguments(), reference -> fact(goal, reference));
    if (!rendered.missing().isEmpty()) {
      return new NextSteps.Stuck(
          AgentSpec.stepName(index)
              + " ("
              + step.tool()
              + ") needs "
              + String.join(", ", rendered.missing())
              + ", which the goal does not have");
    }
    List<String> dependsOn =
        index == 0 ? List.of() : List.of(AgentSpec.actionId(goal.goalId(), index - 1));
    return new NextSteps.Propose(
        List.of(
            new PlannedAction(
                AgentSpec.actionId(goal.goalId(), index),
                step.tool(),
                rendered.arguments(),
                dependsOn,
                step.sideEffect(),
                step.rationale())));
  }

  /** {@code description}, {@code inputs.<name>} or {@code step-<n>.<field>}. */
  private static Optional<String> fact(PlannerState goal, String reference) {
    if (reference.equals("description")) {
      return Optional.ofNullable(goal.description());
    }
    if (reference.startsWith(INPUTS)) {
      return Optional.ofNullable(goal.inputs().get(reference.substring(INPUTS.length())));
    }
    int dot = reference.indexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    JsonNode output = goal.results().get(goal.goalId() + "/" + reference.substring(0, dot));
    JsonNode field = output == null ? null : output.get(reference.substring(dot + 1));
    return field == null || field.isNull() || !field.isValueNode()
        ? Optional.empty()
        : Optional.of(field.asString());
  }
}
