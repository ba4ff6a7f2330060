package dev.switchboard.planner;

import dev.switchboard.contracts.event.PlannedAction;
import java.util.List;

/** What the planner should do next for a goal. */
public sealed interface NextSteps {

  /** Propose these actions now. */
  record Propose(List<PlannedAction> actions) implements NextSteps {
    public Propose {
      actions = List.copyOf(actions);
    }
  }

  /** Proposed actions are still running; wait for their results. */
  record AwaitResults() implements NextSteps {}

  /** Every step is done. */
  record GoalMet(String summary) implements NextSteps {}

  /** The next step cannot be taken, e.g. an earlier step did not return what it needs. */
  record Stuck(String reason) implements NextSteps {}
}
