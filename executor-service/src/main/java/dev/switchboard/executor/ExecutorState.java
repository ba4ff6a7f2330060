package dev.switchboard.executor;

import java.util.ArrayList;
import java.util.List;

/**
 * What the executor remembers per goal: the actionIds it has taken (run, running, or answered
 * without running), so each is taken at most once even when the guardrail's request arrives again
 * with a new eventId. Written with the effect's intent, in one transaction.
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
