package dev.switchboard.planner;

import dev.switchboard.contracts.event.ModelUsage;
import dev.switchboard.contracts.event.SwitchboardEvent;
import dev.switchboard.edge.Decision;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts the model usage no event carries yet on the first event of a decision that can carry it, and
 * clears it from the goal's state in the same decision. State and events commit together, and a
 * reply recorded once is counted once, so every model call is reported on exactly one event even
 * when the planner restarts mid-call. A decision that writes no such event (the model is asked
 * again) keeps the usage for the next one.
 */
final class UsageReports {
  private UsageReports() {}

  static Decision<PlannerState> attach(Decision<PlannerState> decision) {
    PlannerState state = decision.state();
    if (state == null || state.unreportedUsage() == null) {
      return decision;
    }
    List<SwitchboardEvent> events = new ArrayList<>(decision.emit());
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i) instanceof ModelUsage.Carrier carrier) {
        events.set(i, carrier.withUsage(state.unreportedUsage().plus(carrier.usage())));
        return new Decision<>(
            state.edit(draft -> draft.unreportedUsage = null),
            events,
            decision.effects(),
            decision.timers(),
            decision.ended());
      }
    }
    return decision;
  }
}
