package dev.switchboard.executor;

import java.util.ArrayList;
import java.util.List;

/**
 * What the executor remembers per goal: the actionIds it has run (whatever the outcome), so each
 * runs at most once even when the guardrail's request arrives again with a new eventId.
 */
public record ExecutorState(List<String> doneActionIds) {
  public ExecutorState {
    doneActionIds = doneActionIds == null ? List.of() : List.copyOf(doneActionIds);
  }

  static ExecutorState empty() {
    return new ExecutorState(List.of());
  }

  boolean hasRun(String actionId) {
    return doneActionIds.contains(actionId);
  }

  ExecutorState withRun(String actionId) {
    List<String> done = new ArrayList<>(doneActionIds);
    done.add(actionId);
    return new ExecutorState(done);
  }
}
