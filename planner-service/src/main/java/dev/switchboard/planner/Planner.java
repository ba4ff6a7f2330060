package dev.switchboard.planner;

import dev.switchboard.planner.spec.AgentSpec;

/**
 * Decides an agent's next steps for a goal from what the goal's state holds: facts, runs and their
 * outcomes. A planner changes nothing; the {@link GoalPlanner} records what it proposes.
 */
public interface Planner {

  NextSteps next(AgentSpec agent, PlannerState goal);
}
